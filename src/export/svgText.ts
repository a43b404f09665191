/**
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF): one of them in
 * a label would make the whole picture unreadable, so they are dropped rather than escaped.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe as SVG/XML content or a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Cuts to at most `max` characters (code points, never half a surrogate pair), ending in "…". */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.replace(/\s+/g, ' '));
  return points.length <= max ? points.join('') : `${points.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** How many characters of a font size fit a width (an estimate: no font metrics in a worker or Node). */
export function chars(widthPx: number, fontPx: number): number {
  return Math.max(4, Math.floor(widthPx / (fontPx * 0.56)));
}

