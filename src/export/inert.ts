/**
 * User text (labels, titles, ids) made inert for each place it is written to: a Markdown
 * document, a CSV cell, a terminal. Labels are data: none of them may add a heading, break a
 * table, run a spreadsheet formula or drive the terminal.
 */

/** C0 controls (but tab and line breaks), DEL and C1 controls: ANSI escapes start with ESC (C0) or CSI (C1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text with its control characters removed (an ESC [ 2 J in a label cannot clear the screen). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * User text made inert in Markdown and the HTML it may be rendered to: HTML's own specials
 * become entities; what starts code, emphasis, links, tables, headings, strikethrough or math is
 * backslash-escaped (a link needs `[`, so `(` and `:` stay readable); line breaks become spaces
 * and a leading list marker is escaped, so a label cannot start a new block.
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~$]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) => `${space}${marker.replace(/[-+=.)]$/, (ch) => `\\${ch}`)}`);
}

/**
 * User text in a cell of a plain-text Markdown table (the CLI's output, read in a terminal as
 * often as rendered): only what would break the table or the document is changed. A `|` is
 * escaped and line breaks become spaces, so a label cannot end its row or start a heading.
 */
export function escapeTableCell(text: string): string {
  return stripControl(text).replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field holding user text: a leading formula character is neutralised with a single quote,
 * as OWASP advises (so `=HYPERLINK(...)` shows as text), control characters go, and the field is
 * quoted when it holds a comma, a quote or a line break. Numbers are written with csvNumber.
 */
export function csvText(text: string): string {
  const plain = stripControl(text);
  const safe = FORMULA_START.test(plain) ? `'${plain}` : plain;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV field holding a number: a negative number stays a number. */
export const csvNumber = (value: number): string => String(value);
