import { answersSchema, describeIssues, type Answers } from './answers';

/** Version of the link format; a newer one is refused politely. */
export const LINK_VERSION = 1;
export const LINK_PREFIX = '#wizard=';
/** Links longer than this are refused before decoding anything. */
export const MAX_LINK_CHARS = 8000;
const LINK_PATTERN = /^#wizard=([A-Za-z0-9_-]+)$/;

export type LinkResult = { readonly ok: true; readonly answers: Answers } | { readonly ok: false; readonly message: string };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string | null {
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The URL fragment that carries these answers: `#wizard=<base64url of compact JSON>`. */
export function encodeLink(answers: Answers): string {
  return `${LINK_PREFIX}${toBase64Url(JSON.stringify({ v: LINK_VERSION, a: answers }))}`;
}

/** Does this fragment claim to be a wizard link (good or bad)? */
export function isWizardLink(hash: string): boolean {
  return hash.startsWith(LINK_PREFIX);
}

const bad = (why: string): LinkResult => ({ ok: false, message: `This wizard link is damaged: ${why}. Ask for the link again, or answer the questions yourself.` });

/** Reads a fragment strictly: shape, size, encoding, version, then every answer. Never throws. */
export function decodeLink(hash: string): LinkResult {
  if (hash.length > MAX_LINK_CHARS) return bad(`it is too long (${hash.length} characters; at most ${MAX_LINK_CHARS})`);
  const match = LINK_PATTERN.exec(hash);
  if (!match?.[1]) return bad('it is not of the form #wizard=<letters, digits, - and _>');
  const text = fromBase64Url(match[1]);
  if (text === null) return bad('its code is not valid base64url text');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return bad('its content is not valid JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return bad('expected an object with "v" and "a"');
  const record = payload as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => k !== 'v' && k !== 'a');
  if (extra.length > 0) return bad(`unknown field "${extra[0]}"`);
  const version = record.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return bad('"v" must be a whole number from 1');
  if (version > LINK_VERSION) {
    return { ok: false, message: `This wizard link was made by a newer Faultline (link version ${version}; this one reads up to ${LINK_VERSION}). Update the app to open it.` };
  }
  const parsed = answersSchema.safeParse(record.a);
  if (!parsed.success) return bad(`the answers are not valid (${describeIssues(parsed.error)})`);
  return { ok: true, answers: parsed.data };
}
