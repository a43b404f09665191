import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreText, type Scenario } from '../model';
import { decodeShareLink, encodeShareLink } from '../share';
import { marketplace30 } from '../share/testing';
import { hashResult, simulate } from '../sim';
import { main } from './main';

const checkoutFile = new URL('../../examples/checkout.json', import.meta.url).pathname;

function checkout(): Scenario {
  const result = restoreText(readFileSync(checkoutFile, 'utf8'));
  if (!result.ok) throw new Error('examples/checkout.json does not restore');
  return result.scenario;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

const shortened = (s: Scenario, durationS: number): Scenario => ({ ...s, settings: { ...s.settings, durationS } });

describe('npm run sim with a share link', () => {
  it('runs the scenario of a link, whole URL or fragment, with the same output as its file', async () => {
    const link = await encodeShareLink(checkout());
    const fromFile = await run(checkoutFile, '--duration', '5', '--format', 'json');
    const fromUrl = await run(`https://faultline.example/#${link.slice(1)}`, '--duration', '5', '--format', 'json');
    const fromFragment = await run(link, '--duration', '5', '--format', 'json');
    // As some chat and mail apps send it: percent-encoded (once called a missing file), or wrapped.
    const encoded = await run(`https://faultline.example/${encodeURIComponent(link)}`, '--duration', '5', '--format', 'json');
    const wrapped = await run(`${link.slice(0, 30)}\n${link.slice(30)}`, '--duration', '5', '--format', 'json');
    expect(fromFile.code).toBe(0);
    expect(fromUrl).toEqual(fromFile);
    expect(fromFragment).toEqual(fromFile);
    expect(encoded).toEqual(fromFile);
    expect(wrapped).toEqual(fromFile);
  });

  it('refuses a damaged link with exit code 2 and the reason on stderr', async () => {
    const link = await encodeShareLink(checkout());
    const { code, out, err } = await run(link.slice(0, link.length - 10));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('This link is damaged');
  });

  it('refuses a link from a newer Faultline with exit code 2, saying which format it is', async () => {
    const { code, err } = await run('#s=7.AAAA');
    expect(code).toBe(2);
    expect(err).toContain('made by a newer Faultline (link format 7)');
  });

  it('refuses a link whose scenario is invalid with its path-prefixed problems', async () => {
    // {"m":2,"s":{"nodes":[{"kind":"service","workers":-3}]}}, deflated by Node's zlib.
    const { code, err } = await run('#s=1.eJyrVspVsjLSUSpWsqpWystPSS1WsoquVsrOzEtRslIqTi0qy0xOVdJRKs8vyk4tKlay0jWuja2tBQDbuBHi');
    expect(code).toBe(2);
    expect(err).toContain('scenario.nodes[0].workers: expected a whole number >= 1');
  });
});

describe('same link, same results', () => {
  it('simulates the decoded scenario to the same result hash as the original', async () => {
    for (const scenario of [shortened(checkout(), 10), shortened(marketplace30(), 5)]) {
      const decoded = await decodeShareLink(await encodeShareLink(scenario));
      if (!decoded.ok) throw new Error(decoded.error.message);
      const original = hashResult(simulate(scenario));
      expect(hashResult(simulate(decoded.scenario)), scenario.title).toBe(original);
      // The hash must tell runs apart, or the comparison above proves nothing.
      expect(hashResult(simulate({ ...scenario, settings: { ...scenario.settings, seed: scenario.settings.seed + 1 } }))).not.toBe(original);
    }
  });
});
