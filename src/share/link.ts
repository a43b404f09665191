import { CURRENT_VERSION, FORMAT, LIMITS, inspectUntrusted, issueToString, migrate, parseJsonText, restore, type Scenario } from '../model';
import { TRAILING_DATA, deflate, fromBase64Url, inflateAtMost, toBase64Url } from './bytes';
import { isJsonObject, type Json } from './json';
import { danglingEdgeEnds, expandScenario, leanScenario } from './lean';
import { viewFromJson, viewToJson, type ShareView } from './view';

/** Format of the link itself (fragment, compression, payload keys); the scenario inside carries its own. */
export const LINK_FORMAT = 1;
export const LINK_PREFIX = '#s=';
/** Longer fragments are refused before anything is decoded (a 30-node scenario needs under 2,000). */
export const MAX_LINK_CHARS = 100_000;
/** A link never unpacks to more than a scenario file may hold. */
export const MAX_UNPACKED_BYTES = LIMITS.maxScenarioChars;

const VERSIONED = /^#s=(\d{1,9})\.([\s\S]*)$/;
const STRICT = /^#s=([1-9]\d{0,8})\.([A-Za-z0-9_-]+)$/;

export type ShareLinkErrorKind = 'not-a-link' | 'too-long' | 'newer-version' | 'damaged' | 'too-large' | 'invalid';

export interface ShareLinkError {
  readonly kind: ShareLinkErrorKind;
  /** One or two sentences for the user: what is wrong and what to do. */
  readonly message: string;
  /** Path-prefixed problems of an invalid scenario. */
  readonly details: readonly string[];
  /** What a decoder said, for a disclosure: not for the message, which is in the user's words. */
  readonly technical?: string;
}

export type DecodedLink =
  | { readonly ok: true; readonly scenario: Scenario; readonly view: ShareView }
  | { readonly ok: false; readonly error: ShareLinkError };

const refuse = (kind: ShareLinkErrorKind, message: string, details: readonly string[] = []): DecodedLink => ({ ok: false, error: { kind, message, details } });
/** `why` is in the user's words; `technical` (what a decoder said) goes in the details, for a disclosure. */
const damaged = (why: string, technical?: string): DecodedLink => ({
  ok: false,
  error: {
    kind: 'damaged',
    message: `This link is damaged (${why}): it was probably cut off or changed while being copied. Ask for the link again.`,
    details: [],
    ...(technical ? { technical } : {}),
  },
});
const newer = (what: string, version: number, reads: number) =>
  refuse('newer-version', `This link was made by a newer Faultline (${what} ${version}); this one reads up to ${reads}. Open it with a newer Faultline (in the browser: reload the page to get one; on the command line: update the checkout).`);

/** The fragment part of a pasted link, URL or bare fragment (`https://...#s=1.x`, `#s=1.x`, `s=1.x`). */
export function shareFragment(input: string): string {
  // Whitespace is never part of a link: mail wraps long links over lines, chat adds spaces.
  let text = input.replace(/\s+/g, '');
  // Some chat and mail apps send the fragment percent-encoded (#s%3D1.): base64url never holds a
  // %, so decode once. Text that does not decode is left as it is and is called damaged later.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // left as it is
    }
  }
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash);
  return text.startsWith('s=') ? `#${text}` : text;
}

/** Does this text claim to be a scenario link (good or bad)? Cheap: for routing a `#` fragment. */
export function isShareLink(input: string): boolean {
  return shareFragment(input).startsWith(LINK_PREFIX);
}

/** The `#s=1.<base64url>` fragment that carries this scenario (and optionally a view). */
export async function encodeShareLink(scenario: Scenario, view: ShareView = {}): Promise<string> {
  const viewJson = viewToJson(view);
  const payload: Record<string, Json> = { m: CURRENT_VERSION, s: leanScenario(scenario), ...(viewJson === undefined ? {} : { v: viewJson }) };
  const packed = await deflate(new TextEncoder().encode(JSON.stringify(payload)));
  return `${LINK_PREFIX}${LINK_FORMAT}.${toBase64Url(packed)}`;
}

/**
 * Reads a scenario link: strict shape first, then size, version, checksum and finally
 * model/restore. Never throws and never inflates past MAX_UNPACKED_BYTES.
 */
export async function decodeShareLink(input: string): Promise<DecodedLink> {
  try {
    return await decodeUnsafe(input);
  } catch (error) {
    // A bug of ours must not crash the app or let data through.
    return damaged('it could not be read', error instanceof Error ? error.message : String(error));
  }
}

async function decodeUnsafe(input: string): Promise<DecodedLink> {
  if (input.length > MAX_LINK_CHARS * 2) return refuse('too-long', tooLong(input.length));
  const fragment = shareFragment(input);
  if (!fragment.startsWith(LINK_PREFIX)) {
    return refuse('not-a-link', 'This is not a Faultline scenario link: expected a link ending in #s=<format>.<data>.');
  }
  if (fragment.length > MAX_LINK_CHARS) return refuse('too-long', tooLong(fragment.length));
  const versioned = VERSIONED.exec(fragment);
  if (!versioned) return damaged('it does not start with #s=<format number>.');
  const format = Number(versioned[1]);
  if (format > LINK_FORMAT) return newer('link format', format, LINK_FORMAT);
  const strict = STRICT.exec(fragment);
  if (!strict?.[2]) return damaged('it has characters a Faultline link never contains, or no data');
  if (format !== LINK_FORMAT) return damaged(`its format number ${versioned[1] ?? ''} is not one Faultline ever made`);
  const packed = fromBase64Url(strict[2]);
  if (!packed) return damaged('its data is not valid base64url');
  const inflated = await inflateAtMost(packed, MAX_UNPACKED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? refuse('too-large', `This link unpacks to more than ${MAX_UNPACKED_BYTES / 1_000_000} MB, far more than any scenario needs, so it was not opened.`)
      : damaged(inflated.detail === TRAILING_DATA ? 'there is data after its end' : 'its data does not unpack', inflated.detail === TRAILING_DATA ? undefined : inflated.detail);
  }
  return readPayload(inflated.bytes);
}

const tooLong = (chars: number) =>
  `This link is too long (${chars} characters; at most ${MAX_LINK_CHARS}). Share the scenario as a file instead.`;

function readPayload(bytes: Uint8Array): DecodedLink {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return damaged('its content is not UTF-8 text');
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return damaged('its content is not valid JSON');
  const structural = inspectUntrusted(parsed.value);
  if (structural.length > 0) return refuse('invalid', 'This link holds data Faultline refuses to open.', structural.map(issueToString));
  const payload = parsed.value;
  if (!isJsonObject(payload)) return damaged('its content is not an object');
  const extra = Object.keys(payload).find((k) => k !== 'm' && k !== 's' && k !== 'v');
  if (extra !== undefined) return damaged(`its content has an unknown field "${extra}"`);
  const version = payload.m;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return damaged('its scenario format is not a whole number');
  if (version > CURRENT_VERSION) return newer('scenario format', version, CURRENT_VERSION);
  if (!isJsonObject(payload.s)) return damaged('it holds no scenario');
  const view = viewFromJson(payload.v);
  if (!view.ok) return damaged(view.why);
  // Old links are migrated while still lean, then filled with today's defaults: migrations
  // already read documents that leave defaults out (hand-written files do).
  const migratedLean = migrate({ ...payload.s }, version);
  const dangling = danglingEdgeEnds(migratedLean);
  if (dangling.length > 0) return refuse('invalid', 'This link holds a scenario Faultline cannot open: it was probably edited by hand.', dangling);
  const full = expandScenario(migratedLean);
  const restored = restore({ format: FORMAT, version: CURRENT_VERSION, scenario: full });
  if (!restored.ok) {
    return refuse('invalid', 'This link holds a scenario Faultline cannot open: it was probably edited by hand.', restored.errors.map(issueToString));
  }
  return { ok: true, scenario: restored.scenario, view: view.view };
}
