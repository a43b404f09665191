import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, type DecodedLink } from './link';
import { arbitraryScenario, marketplace30 } from './testing';

const KINDS = ['not-a-link', 'too-long', 'newer-version', 'damaged', 'too-large', 'invalid'];

/** Decodes with a deadline, so a hang fails the test instead of stalling it. */
async function decodeWithin(text: string, ms: number): Promise<DecodedLink | 'hung'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), ms)));
  try {
    return await Promise.race([decodeShareLink(text), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function expectScenarioOrTypedError(result: DecodedLink | 'hung'): void {
  expect(result).not.toBe('hung');
  if (result === 'hung' || result.ok) return;
  expect(KINDS).toContain(result.error.kind);
  expect(result.error.message.length).toBeGreaterThan(20);
}

describe('share link properties', () => {
  it('decode(encode(scenario)) equals the scenario for arbitrary valid scenarios and views', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, fc.option(fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.nat(50)), { nil: undefined }), async (scenario, lesson) => {
        const view = lesson ? { lesson: { id: lesson[0], stepIndex: lesson[1] } } : {};
        const decoded = await decodeShareLink(await encodeShareLink(scenario, view));
        expect(decoded).toEqual({ ok: true, scenario, view });
      }),
      { numRuns: 150 },
    );
  });

  it('turns any string into a scenario or a typed error, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `#s=${s}`), fc.base64String().map((s) => `#s=1.${s.replace(/=/g, '')}`)), async (text) => {
        expectScenarioOrTypedError(await decodeWithin(text, 3000));
      }),
      { numRuns: 500 },
    );
  });

  it('turns any mangling of a valid link (cuts, flipped or inserted characters) into a scenario or a typed error', async () => {
    const link = await encodeShareLink(marketplace30());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#=%';
    const mangling = fc.oneof(
      fc.nat(link.length).map((n) => link.slice(0, n)),
      fc.tuple(fc.nat(link.length - 1), fc.constantFrom(...alphabet)).map(([i, ch]) => `${link.slice(0, i)}${ch}${link.slice(i + 1)}`),
      fc.tuple(fc.nat(link.length), fc.string({ maxLength: 5 })).map(([i, s]) => `${link.slice(0, i)}${s}${link.slice(i)}`),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mangling, async (text) => {
        const result = await decodeWithin(text, 3000);
        expectScenarioOrTypedError(result);
        if (result !== 'hung' && !result.ok) refused++;
        // A change that survives the checksum must still be a valid scenario (restore ran).
        if (result !== 'hung' && result.ok) expect(result.scenario.nodes.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(200);
  });

  it('opens a valid link however chat or mail re-encoded or wrapped it: percent-encoded, split by whitespace', async () => {
    const scenario = marketplace30();
    const link = await encodeShareLink(scenario);
    const wrapping = fc.oneof(
      // Percent-encoded: the whole fragment, or only its = (as some chat apps send it).
      fc.constant(encodeURIComponent(link)),
      fc.constant(link.replace('=', '%3D')),
      fc.constant(`https://faultline.example/${encodeURIComponent(link)}`),
      // Whitespace anywhere: a line break from mail wrapping, spaces, tabs.
      fc.array(fc.tuple(fc.nat(link.length), fc.constantFrom('\n', '\r\n', ' ', '\t', '\n> ')), { minLength: 1, maxLength: 4 }).map((cuts) => {
        let text = link;
        for (const [at, ws] of [...cuts].sort((a, b) => b[0] - a[0])) text = `${text.slice(0, at)}${ws.replace('> ', '')}${text.slice(at)}`;
        return text;
      }),
    );
    await fc.assert(
      fc.asyncProperty(wrapping, async (text) => {
        const result = await decodeWithin(text, 3000);
        expect(result !== 'hung' && result.ok, JSON.stringify(text.slice(0, 40))).toBe(true);
        if (result !== 'hung' && result.ok) expect(result.scenario).toEqual(scenario);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps decoder internals out of the message (they go in the details)', async () => {
    const link = await encodeShareLink(marketplace30());
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.nat(link.length - 8), fc.constantFrom('A', 'B', '0', '_')), async ([i, ch]) => {
        const at = i + 6;
        const result = await decodeWithin(`${link.slice(0, at)}${ch}${link.slice(at + 1)}`, 3000);
        if (result === 'hung' || result.ok) return;
        expect(result.error.message).not.toMatch(/Failed to execute|WritableStream|incorrect header|invalid (block|distance|code)|unexpected end|zlib|Z_/i);
      }),
      { numRuns: 150 },
    );
  });
});
