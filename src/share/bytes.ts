/** Bytes for the link: base64url text and zlib (deflate) compression with a bounded inflate. */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when the text is not canonical base64url (a length of 4n+1 cannot come from any bytes). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** zlib format: deflate plus an adler32 checksum of the original, so damage is detected. */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The damage detail of a stream followed by more bytes (Chromium words it its own way: this one is ours). */
export const TRAILING_DATA = 'data after the end of the compressed stream';

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'damaged'; readonly detail: string }
  | { readonly ok: false; readonly reason: 'too-large' };

/** Input is fed in slices this small, so one slice cannot inflate to more than about 1 MB. */
const SLICE_BYTES = 1024;

/**
 * Inflates at most `maxBytes`: the input is fed slice by slice while the output is counted, and
 * both ends are cancelled as soon as the count passes the cap, so a decompression bomb costs
 * about one slice's worth of output, never its full size. Damage (bad data, a failed checksum, a
 * cut-off stream) is a result, not a throw.
 */
export async function inflateAtMost(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  const whole = await inflateOnce(bytes, maxBytes);
  if (!whole.ok || bytes.length === 0) return whole;
  // Bytes after the end of the zlib stream: Chromium's inflater refuses them, Node's ignores them
  // (so the CLI would open a link the app calls damaged). A stream that ends exactly at the last
  // byte is cut off without it; if it still inflates without its last byte, something followed it.
  const shorter = await inflateOnce(bytes.subarray(0, bytes.length - 1), maxBytes);
  return shorter.ok ? { ok: false, reason: 'damaged', detail: TRAILING_DATA } : whole;
}

async function inflateOnce(bytes: Uint8Array, maxBytes: number): Promise<InflateResult> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feed = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += SLICE_BYTES) await writer.write(bytes.subarray(i, i + SLICE_BYTES) as Uint8Array<ArrayBuffer>);
    if (!stopped) await writer.close();
  })().catch(() => undefined); // its failure shows on the reading side too
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stopped = true;
        await Promise.all([reader.cancel().catch(() => undefined), writer.abort().catch(() => undefined)]);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    stopped = true;
    await writer.abort().catch(() => undefined);
    return { ok: false, reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
  await feed;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}
