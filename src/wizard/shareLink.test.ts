import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { PLATFORM, STARTUP } from './sampleAnswers';
import { LINK_PREFIX, MAX_LINK_CHARS, decodeLink, encodeLink } from './shareLink';

/** base64url of raw bytes, written out here so the test does not trust the code under test. */
const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const utf8 = (text: string) => new TextEncoder().encode(text);
const fromBase64url = (code: string) => new TextDecoder().decode(Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
const code = (payload: unknown) => `${LINK_PREFIX}${base64url(utf8(JSON.stringify(payload)))}`;
const message = (hash: string) => {
  const r = decodeLink(hash);
  return r.ok ? 'ok' : r.message;
};

describe('the wizard share link', () => {
  it('carries the answers in the fragment as base64url of compact JSON, and reads them back', () => {
    const hash = encodeLink(PLATFORM);
    expect(hash).toMatch(/^#wizard=[A-Za-z0-9_-]+$/);
    expect(JSON.parse(fromBase64url(hash.slice(LINK_PREFIX.length)))).toEqual({ v: 1, a: PLATFORM });
    expect(decodeLink(hash)).toEqual({ ok: true, answers: PLATFORM });
  });

  it('keeps capability names outside ASCII intact', () => {
    const answers: Answers = { ...STARTUP, capabilities: [{ name: 'Zahlungsverkehr', role: 'request' }, { name: '支付', role: 'background' }] };
    expect(decodeLink(encodeLink(answers))).toEqual({ ok: true, answers });
  });

  it.each([
    ['a truncated code', encodeLink(PLATFORM).slice(0, 60), /damaged/],
    ['characters outside base64url', '#wizard=abc$def', /not of the form #wizard=/],
    ['an empty code', '#wizard=', /not of the form/],
    ['bytes that are not UTF-8 text', `${LINK_PREFIX}${base64url(new Uint8Array([0xff, 0xfe, 0xfd]))}`, /not valid base64url text/],
    ['text that is not JSON', `${LINK_PREFIX}${base64url(utf8('{v:1'))}`, /not valid JSON/],
    ['a JSON array', code([1, 2]), /expected an object/],
    ['an unknown field', code({ v: 1, a: PLATFORM, extra: true }), /unknown field "extra"/],
    ['a missing version', code({ a: PLATFORM }), /"v" must be a whole number/],
    ['an answer out of range', code({ v: 1, a: { ...PLATFORM, developers: 0 } }), /developers: expected a whole number from 1/],
    ['an unknown answer', code({ v: 1, a: { ...PLATFORM, budget: 'huge' } }), /answers are not valid/],
    ['an unknown role', code({ v: 1, a: { ...PLATFORM, capabilities: [{ name: 'X', role: 'magic' }] } }), /capabilities\[0\]\.role/],
    ['more teams than developers', code({ v: 1, a: { ...PLATFORM, teams: 99, developers: 3 } }), /no more teams than developers/],
    ['a missing answer', code({ v: 1, a: { ...PLATFORM, ops: undefined } }), /ops/],
  ])('refuses %s with a clear message', (_what, hash, pattern) => {
    const text = message(hash);
    expect(text).toMatch(pattern);
    expect(text).not.toBe('ok');
  });

  it('refuses a link from a newer version politely', () => {
    expect(message(code({ v: 2, a: PLATFORM }))).toBe('This wizard link was made by a newer Faultline (link version 2; this one reads up to 1). Update the app to open it.');
  });

  it('refuses an oversized link before decoding it', () => {
    expect(message(`${LINK_PREFIX}${'A'.repeat(MAX_LINK_CHARS)}`)).toMatch(/too long/);
  });

  it('never throws, whatever the fragment', () => {
    for (const hash of ['', '#', '#wizard', '#wizard==', `${LINK_PREFIX}${'_'.repeat(999)}`, `${LINK_PREFIX}bnVsbA`]) {
      expect(() => decodeLink(hash)).not.toThrow();
      expect(decodeLink(hash).ok).toBe(false);
    }
  });
});
