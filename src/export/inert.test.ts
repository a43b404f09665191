import { describe, expect, it } from 'vitest';
import { csvNumber, csvText, escapeTableCell, stripControl } from './inert';

describe('user text made inert', () => {
  it('strips control characters, ANSI escapes included, but keeps tabs and line breaks', () => {
    expect(stripControl('a\u001b[2Jb\u009bc\u0007d\te\nf')).toBe('a[2Jbcd\te\nf');
  });

  it('keeps a table cell in its row: pipes escaped, line breaks as spaces', () => {
    expect(escapeTableCell('a | b\n# c')).toBe('a \\| b # c');
    expect(escapeTableCell('ends in \\')).toBe('ends in \\\\');
  });

  it('neutralises spreadsheet formulas in CSV text (OWASP) and quotes what needs it', () => {
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvText(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('plain')).toBe('plain');
    expect(csvNumber(-5)).toBe('-5');
  });
});
