import type { RestoreResult, Scenario } from '../model';
import { MAX_EMBEDDED_CHARS, decodeEmbeddedScenario, encodeEmbeddedScenario, refuse } from './embed';
import { buildDiagramSvg } from './diagramSvg';

/**
 * PNG chunks (https://www.w3.org/TR/png-3/#5Chunk-layout): an exported picture carries its
 * scenario in a `tEXt` chunk. Every length read from the file is checked against what is left
 * before it is used, and every chunk's CRC is verified, so a damaged file is refused, not trusted.
 */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
export const SCENARIO_KEYWORD = 'faultline';
/** More chunks than any honest picture of ours has; a bound on the walk. */
const MAX_CHUNKS = 100_000;

export interface PngChunk {
  readonly type: string;
  readonly data: Uint8Array;
}

export type ChunksResult = { readonly ok: true; readonly chunks: readonly PngChunk[] } | { readonly ok: false; readonly error: string };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Splits a PNG into its chunks, up to and including IEND; refuses anything damaged. */
export function readChunks(bytes: Uint8Array): ChunksResult {
  if (!isPng(bytes)) return { ok: false, error: 'not a PNG file (wrong signature)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (chunks.length < MAX_CHUNKS) {
    if (bytes.length - at < 12) return { ok: false, error: 'the PNG is truncated (a chunk header is cut off)' };
    const length = view.getUint32(at);
    if (length > bytes.length - at - 12) return { ok: false, error: 'the PNG is truncated or damaged (a chunk is longer than the file)' };
    const typeBytes = bytes.subarray(at + 4, at + 8);
    if (!typeBytes.every((b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122))) return { ok: false, error: 'the PNG is damaged (a chunk type is not letters)' };
    const type = String.fromCharCode(...typeBytes);
    const crc = view.getUint32(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) return { ok: false, error: `the PNG is damaged (checksum of its ${type} chunk does not match)` };
    if (chunks.length === 0 && type !== 'IHDR') return { ok: false, error: 'the PNG is damaged (it does not start with an IHDR chunk)' };
    chunks.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') return { ok: true, chunks };
  }
  return { ok: false, error: 'the PNG has too many chunks' };
}

function chunkBytes(chunk: PngChunk): Uint8Array {
  const out = new Uint8Array(12 + chunk.data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, chunk.data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = chunk.type.charCodeAt(i);
  out.set(chunk.data, 8);
  view.setUint32(8 + chunk.data.length, crc32(out.subarray(4, 8 + chunk.data.length)));
  return out;
}

export function writeChunks(chunks: readonly PngChunk[]): Uint8Array {
  const parts = chunks.map(chunkBytes);
  const out = new Uint8Array(PNG_SIGNATURE.length + parts.reduce((n, p) => n + p.length, 0));
  out.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const isLatin1 = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
};
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Byte for byte (TextDecoder's "latin1" is really windows-1252, which remaps 0x80-0x9f). */
function fromLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

function textChunkOf(chunk: PngChunk): { keyword: string; text: string } | null {
  const zero = chunk.data.indexOf(0);
  if (chunk.type !== 'tEXt' || zero < 1 || zero > 79) return null;
  return { keyword: fromLatin1(chunk.data.subarray(0, zero)), text: fromLatin1(chunk.data.subarray(zero + 1)) };
}

/**
 * Puts `text` in a tEXt chunk before IEND, replacing one with the same keyword. Both must be
 * Latin-1 (the chunk's encoding): callers pass base64.
 */
export function insertTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || !isLatin1(text)) throw new Error('tEXt keyword and text must be Latin-1');
  const read = readChunks(png);
  if (!read.ok) throw new Error(read.error);
  const kept = read.chunks.filter((c) => textChunkOf(c)?.keyword !== keyword);
  const data = latin1(`${keyword}\0${text}`);
  return writeChunks([...kept.slice(0, -1), { type: 'tEXt', data }, ...kept.slice(-1)]);
}

/** The text of the first tEXt chunk with this keyword, null when there is none. */
export function readTextChunk(png: Uint8Array, keyword: string): { ok: true; text: string | null } | { ok: false; error: string } {
  const read = readChunks(png);
  if (!read.ok) return read;
  for (const chunk of read.chunks) {
    const entry = textChunkOf(chunk);
    if (entry?.keyword === keyword) return { ok: true, text: entry.text };
  }
  return { ok: true, text: null };
}

/** Reads the scenario of a PNG exported by Faultline through restore. */
export function readPngScenario(png: Uint8Array): RestoreResult {
  const found = readTextChunk(png, SCENARIO_KEYWORD);
  if (!found.ok) return refuse(found.error);
  if (found.text === null) return refuse('this PNG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
  if (found.text.length > MAX_EMBEDDED_CHARS) return refuse('the scenario embedded in this PNG is too large');
  return decodeEmbeddedScenario(found.text, 'PNG');
}

/** Canvas limits that hold in every current browser (Chromium allows 16384 px a side). */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

/**
 * The diagram as a PNG at 2x (less when the diagram is too large for a canvas), with the
 * scenario embedded. Browser only: the SVG is drawn through an <img> from a blob: URL, which the
 * app's Content-Security-Policy allows (img-src blob:) and which does not taint the canvas.
 */
export async function diagramPng(scenario: Scenario, scale = 2): Promise<Blob> {
  const svg = buildDiagramSvg(scenario, { embedScenario: false });
  const factor = Math.min(scale, MAX_SIDE / svg.width, MAX_SIDE / svg.height, Math.sqrt(MAX_PIXELS / (svg.width * svg.height)));
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(svg.width * factor));
    canvas.height = Math.max(1, Math.round(svg.height * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gave no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG');
    const bytes = insertTextChunk(new Uint8Array(await blob.arrayBuffer()), SCENARIO_KEYWORD, encodeEmbeddedScenario(scenario));
    return new Blob([bytes.slice().buffer], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}
