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
  let decoded: string | null = null;
  // TextDecoder drops a UTF-8 byte-order mark and replaces invalid bytes, so sniffing never throws.
  const text = () => (decoded ??= new TextDecoder('utf-8').decode(bytes));
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
