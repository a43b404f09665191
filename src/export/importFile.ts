import { LIMITS, restoreText, type RestoreResult } from '../model';
import { importMermaid } from './configs/mermaidImport';
import { readSvgScenario } from './diagramSvg';
import { refuse } from './embed';
import { isPng, readPngScenario } from './png';

/** What a dropped or picked file holds, judged by its content (names and MIME types lie). */
export type ImportKind = 'png' | 'svg' | 'json' | 'mermaid' | 'unknown';

/** A PNG of a large diagram at 2x plus its scenario; anything bigger is not one of ours. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Sniffing looks at the start only, so a huge text file costs no more than a small one. */
const SNIFF_CHARS = 64 * 1024;

const SVG_START = /^(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]{0,1000}>\s*)*<svg[\s>/]/i;

/** Skips blank lines, `%%` comments and a `---` front-matter block, as Mermaid itself does. */
function looksLikeMermaid(head: string): boolean {
  const lines = head.split(/\r?\n/);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, j) => j > 0 && l.trim() === '---');
    if (end < 0) return false;
    i = end + 1;
  }
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('%%')) continue;
    return /^(?:flowchart|graph)(?:\s|;|$)/.test(line);
  }
  return false;
}

export function detectImportKind(bytes: Uint8Array, text: () => string): ImportKind {
  if (isPng(bytes)) return 'png';
  const head = text().slice(0, SNIFF_CHARS).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (SVG_START.test(head)) return 'svg';
  if (looksLikeMermaid(head)) return 'mermaid';
  return 'unknown';
}

export interface ImportReaders {
  /** Mermaid flowchart text to a scenario; export/configs/mermaidImport.ts unless a test swaps it. */
  readonly mermaid?: (text: string) => RestoreResult;
}

/**
 * Opens any file Faultline can read (scenario JSON, a PNG or SVG it exported, a Mermaid
 * flowchart); every path ends in model/restore. Pure: bytes in, scenario or problems out.
 */
export function importBytes(bytes: Uint8Array, name: string, readers: ImportReaders = {}): RestoreResult {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
  const encoding = textEncoding(bytes);
  if (encoding === 'utf-16-unmarked') {
    return refuse('this file looks like UTF-16 text without a byte-order mark, which Faultline cannot tell apart safely: save it as UTF-8 (or UTF-16 with a byte-order mark) and open it again');
  }
  let decoded: string | null = null;
  // TextDecoder drops the byte-order mark and replaces invalid bytes, so sniffing never throws.
  const text = () => (decoded ??= new TextDecoder(encoding).decode(bytes));
  const kind = detectImportKind(bytes, text);
  switch (kind) {
    case 'png':
      return readPngScenario(bytes);
    case 'svg':
      return readSvgScenario(text());
    case 'json':
      return restoreTextCapped(text());
    case 'mermaid':
      if (text().length > LIMITS.maxJsonChars) return tooLarge(bytes.length);
      return (readers.mermaid ?? importMermaid)(text());
    case 'unknown':
      // A .json name keeps the JSON parser's own message ("not valid JSON at line 1...").
      if (/\.json$/i.test(name)) return restoreTextCapped(text());
      return refuse(
        'Faultline cannot open this file: expected a scenario JSON file, a PNG or SVG exported by Faultline, or a Mermaid flowchart (starting with "flowchart" or "graph")',
      );
  }
}

/**
 * How the file's text is encoded: UTF-8 (with or without a byte-order mark), or UTF-16 with one
 * (what Windows tools such as PowerShell's Out-File write). UTF-16 without a mark shows as a zero
 * byte in every other place of ASCII text: it is named, not read as garbage.
 */
export function textEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-16-unmarked' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 64);
  if (head.length >= 4) {
    let zeroOdd = 0;
    let zeroEven = 0;
    head.forEach((b, i) => {
      if (b === 0) {
        if (i % 2) zeroOdd++;
        else zeroEven++;
      }
    });
    if (Math.max(zeroOdd, zeroEven) >= head.length / 4) return 'utf-16-unmarked';
  }
  return 'utf-8';
}

function restoreTextCapped(text: string): RestoreResult {
  if (text.length > LIMITS.maxJsonChars) return refuse(`the file is too large (${text.length} characters; a scenario file is at most ${LIMITS.maxJsonChars})`);
  return restoreText(text);
}

function tooLarge(size: number): RestoreResult {
  return refuse(`the file is too large (${size} bytes; Faultline opens files of at most ${MAX_IMPORT_BYTES} bytes)`);
}

/** Reads a dropped or picked file and opens it by its content; never throws. */
export async function readImportFile(file: Blob & { readonly name?: string }, readers: ImportReaders = {}): Promise<RestoreResult> {
  if (file.size > MAX_IMPORT_BYTES) return tooLarge(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return refuse(`the file could not be read (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  return importBytes(bytes, file.name ?? '', readers);
}
