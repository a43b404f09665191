import { describe, expect, it } from 'vitest';
import goldenText from './golden-2026-12-06.json?raw';
import { restoreText } from '../model';
import { decodeShareLink } from './link';

/**
 * A link made on 2026-12-06 from examples/every-kind.json (every node kind and policy), with a
 * lesson step as its view; golden-2026-12-06.json is that scenario written out in full, every
 * default explicit, so that it does not change when a default does. Links are lean: they hold only what differs from the model's defaults,
 * so a default changed without a migration would silently change what every old link means.
 * This test catches that: the old link must still open as exactly the scenario it was made from.
 * (A default changed on purpose needs a link migration in src/share, not a new golden link.)
 */
const LINK_OF_2026_12_06 =
  '#s=1.eJydWEuP2zgS_isGz_JAfvVDtzw62ADJJtjuxRyCPpSpss0xJXIoqt3ewP99UKQokbLd2ZmbJRW_-upd9E9WsWKesYYVP5kVViIr2MMLmuOkViVO9qIus4lWUvDjBOpysoFWWpaxCi2UYIHOldhwI7QVqmYFezexqjUTtZnYHU4qVaIsJgh8FyO6Zyy3GGO7l06Bk5qA1gimmYCdSITGTlTN8TeWMQvbhhU_GL5CpSWyjBncoMGaI3s-ZaxBa0W9dUaVrQFi9siK-5w-YcmK21PGiA2h_GSiZAU74JpljPSygnEpsCYzJaxRsoL9jutJs1Nao2lYxg7K7KWCkhQYsPgdzSNyVsxWecb0DpoOOcCpurHgACM68zwbHz5l_RkDlT6X3xhVJcqsCo-LPD7eaLHHt_UtciKLsA8v7sOLj8OhxYkcqlUjfHh_5Fn-THqc0yq1Fs7_1_z21QlQJEdec3nhTqgGS5axtiHXFndk007U-ydRoRNEqL-6D_lpzGS2iLhQNg1MtmDxAMeIygNl2_CaPPFFVMKOY-i8sG5NY8ll-SljsN0apJOssKbFhMR8mThERklEpr4HCTVHE_H4ABak2k6-vGcZayyp3h5ZwbQ6oJmqzdQeFMuYaq0UaB7-QO5V_WRraDA8k3vILbM8J74VvIYv39FwCkKxWJ4ytkOQdvdhh3xPEKK2aF5A0tG5O2lFhaq19GJFz23tjxyfdgabnZIlK-ap45d3ic3cGzQY3qB5ERzPbWYZ2xrVapLZKe3qVkvBoWHFwueHS4LZPHPe-wIWa34k4vsa8b9WSNFAYuTtyhn_KNWhVIf6E3CrDCuWrgs4GiGRSkERZVJta2UqkK6J-dwiffr-3qdZauvt_JKtUw58F-d99ziOcXg_snqPx0YDd7Tot48FBcNKqrk8Yxw0cGGPLvFHnO5vLnIqo9yj1kzpcoHTx_fnhAbPrzJ2MMJVg3fwKlE9m-eJbmVK3xGvhv5bkAgqN63cCFn5PjHEfx6xoE71Z4ttiBsXWoqaRpMUGyqOwTsrn_y_g7ChS9DnmqP85opEtTaUbZIQP_qMwEoLI7jLCK1EbX3v1qwg7Malv3tcdc833fP9vX9e5N2LWR4k8tPz6TljDWzdhORKmVLU0I1IZfgOXenTM3UB1F4p8F6E3DZtrOJ7MlhVGusGLnydGqTpiIxIjM9r1-vS03Ur5birU0kn3TQovhrXx07gYliveLqtxUaZiipPuMKbu-C5wJG7RnV3Tqi39VfEJoPg3yEYDeoXkK3rsIsLzOY3ETMNR0KNqgBfLZraJVRg9d0LTbRRL6LsBkLX3Qb9GgxaSvCGg3Tal3nGQOodsGL2253L_K5V58QLjVGmr9UZhbrmraFV6NhNt7mb6in_xf24hqe-3noTwmNSxpPwNq4_gn8RjVgLKezxaRgnw2j6iFK8oBHo-_yIzGoeh3kntBb1m9PkcZDpW8bNWYdMl4OXNEJWacHPzOulxh0vxapAyLf4PXQCPbllirhMdwaoQR6t4G-20XeR0Fu4jiklRrkdbbfTbkGiFdK1NqtcAfoF3O__fewWLnQGrXFfKnh9Zy1W2vqiXQPfq83GpbpWNdZWuGynkdOFvq_smYP6Q1iLhiYTcmUMUvLT2rduyy2GHUyoIZVz1yTCUrY6nU6jrTO1Z_b_2AMlaCte8GlnlLWSUqj4yQ6iLtXh0XXtU7JOTt065xXMvYLFFQXeyhKhpEn13SgN267f-uHDheGtsO8Nwp4cEfQ-HTUNtqfPXx8otJ6L-B_2LhBVW_27rdZovm0-gJTdfGykOtDjf8BitKrdRZ_CGt9_7pe8Awgbvn6uv2msHy1YDJ2FbgGmooiViebP9b9Abnpx6o0Z24CUlA9hDSrZyIn9jpA48vaKI_1Wum7lfofdVQFeP4SuZjsPLNOxv4ojJ9fTYSX1Ohde5_KKTn-3uLTipUm29DCrKzCrBIVOl0P-rPzZm-sJGt1JfIJI-vnJ9XehSjI6tXoeWz1aGLzSW6_07k2loch_VdTzoabnSUlvWinZFSrRxE4o3dMQkbKv9_w6xTNgv9QkcLNr52erXzSyYFtsEP7ZgmSnC0Wb5ntjwQrOzgiGMZlSnPXtHZpjzdn1TjIAOqRpNBS7bte1O7q4JJhnc3Taz7TuZFd-s8U_YOOxpmEAdohdcc2W17h0x-I5Nzq6Gh99Jj-30kYjbDPlBpqd-_vHuJlxfvMMEt21wqVV9A_IbNVz2kx34Bzag4023u5zY8HY7k4WIcVAYY87J5ZcyQaxgOl2u7LrymSwv7suImy338XIF5bNTiSgrnz79mV1k0dg_dYW4Y0vcEHmi2qaCDTB0WCs6K4uI6DxGhmL9lirq67UwPfojOtxk27eo5LYiOLtKEKRF-Yx-41sL2bRxTv9p064D1nKPcYN_7j1uOM_x6yBzUbwx06u570a8w6JMI_QS5SQBC4dreHa30kF7LsznziJvvf3HlrFlsBaGXshtr7vhkLthHpVqRmLCHzhriruHhbVc_fXw7DUKz20jOSyFkQ-DS_d_fXFDUn6I9j1dxo4dLmcPZ9OfwHMiHEm';

describe('a share link made by an earlier version', () => {
  it('still opens as exactly the scenario it was made from, with its view', async () => {
    const expected = restoreText(goldenText);
    if (!expected.ok) throw new Error('golden-2026-12-06.json does not restore');
    const decoded = await decodeShareLink(LINK_OF_2026_12_06);
    expect(decoded).toEqual({ ok: true, scenario: expected.scenario, view: { lesson: { id: 'retry-storm', stepIndex: 1 } } });
  });
});
