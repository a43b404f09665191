import { LIMITS, restoreText, toEnvelope, type RestoreResult, type Scenario } from '../model';

/**
 * The scenario as it rides inside an exported picture: base64 of the compact envelope JSON.
 * Base64 because its alphabet has no `-` (so `--` can never close an SVG comment) and is plain
 * ASCII (so a PNG tEXt chunk, which is Latin-1, carries any label unchanged).
 */
export function encodeEmbeddedScenario(scenario: Scenario): string {
  return base64OfText(JSON.stringify(toEnvelope(scenario)));
}

/** Base64 of the UTF-8 bytes of `text` (btoa alone takes Latin-1 only). */
export function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list well below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Longest base64 payload we read: a scenario file's own limit, grown by base64's 4/3. */
export const MAX_EMBEDDED_CHARS = Math.ceil(LIMITS.maxJsonChars / 3) * 4;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads an embedded payload through restore; damaged base64 or text is refused, never thrown. */
export function decodeEmbeddedScenario(payload: string, where: string): RestoreResult {
  if (payload.length > MAX_EMBEDDED_CHARS) {
    return refuse(`the scenario embedded in this ${where} is too large (${payload.length} characters; at most ${MAX_EMBEDDED_CHARS})`);
  }
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) {
    return refuse(`the scenario embedded in this ${where} is damaged (not valid base64)`);
  }
  let text: string;
  try {
    const binary = atob(payload);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(`the scenario embedded in this ${where} is damaged (not valid text)`);
  }
  return restoreText(text);
}

export function refuse(message: string): RestoreResult {
  return { ok: false, errors: [{ path: '', message }] };
}
