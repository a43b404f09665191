/**
 * Pieces of the Mermaid flowchart grammar that the statement parser needs: node shapes, link
 * tokens and label text. Everything scans forward with sticky regexes or indexOf, never a
 * backtracking pattern over the rest of the line, so a hostile line costs linear time.
 */

export type ShapeName =
  | 'rect'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'doubleCircle'
  | 'asymmetric'
  | 'rhombus'
  | 'hexagon'
  | 'parallelogram'
  | 'trapezoid';

/** Opening bracket, then its possible closing brackets with the shape each one makes. */
const SHAPES: readonly (readonly [string, readonly (readonly [string, ShapeName])[]])[] = [
  ['(((', [[')))', 'doubleCircle']]],
  ['((', [['))', 'circle']]],
  ['([', [['])', 'stadium']]],
  ['[(', [[')]', 'cylinder']]],
  ['[[', [[']]', 'subroutine']]],
  ['[/', [['/]', 'parallelogram'], ['\\]', 'trapezoid']]],
  ['[\\', [['\\]', 'parallelogram'], ['/]', 'trapezoid']]],
  ['{{', [['}}', 'hexagon']]],
  ['{', [['}', 'rhombus']]],
  ['(', [[')', 'round']]],
  ['[', [[']', 'rect']]],
  ['>', [[']', 'asymmetric']]],
];

/** Shape names of the Mermaid 11 `A@{ shape: cyl }` syntax that we tell apart. */
const NAMED_SHAPES: Readonly<Record<string, ShapeName>> = {
  cyl: 'cylinder', cylinder: 'cylinder', db: 'cylinder', database: 'cylinder', das: 'cylinder', 'h-cyl': 'cylinder',
  circle: 'circle', circ: 'circle', 'dbl-circ': 'doubleCircle', 'double-circle': 'doubleCircle',
  stadium: 'stadium', pill: 'stadium', terminal: 'stadium',
  hex: 'hexagon', hexagon: 'hexagon', prepare: 'hexagon',
  subproc: 'subroutine', subroutine: 'subroutine', 'fr-rect': 'subroutine', 'framed-rectangle': 'subroutine',
  'lean-r': 'parallelogram', 'lean-l': 'parallelogram', 'in-out': 'parallelogram', 'out-in': 'parallelogram',
  'trap-b': 'trapezoid', 'trap-t': 'trapezoid', trapezoid: 'trapezoid', priority: 'trapezoid',
  flag: 'asymmetric', asym: 'asymmetric', 'paper-tape': 'asymmetric',
  diam: 'rhombus', diamond: 'rhombus', decision: 'rhombus', rounded: 'round', event: 'round',
};

export const ID = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/uy;
const CLASS_SUFFIX = /:::[\p{L}\p{N}_-]+/uy;
const PLAIN_LINK = /<?(?:-{2,}>|-{3,}|={2,}>|={3,}|-\.+->|-\.+-|~{3,}|-{2,}[ox](?![\p{L}\p{N}_])|={2,}[ox](?![\p{L}\p{N}_])|-\.+-[ox](?![\p{L}\p{N}_]))/uy;
const TEXT_OPENERS: readonly (readonly [string, RegExp])[] = [
  ['--', /-{2,}>|-{3,}|-{2,}[ox]/g],
  ['==', /={2,}>|={3,}|={2,}[ox]/g],
  ['-.', /\.-+>|\.-+/g],
];

export class SyntaxProblem extends Error {}

export function match(re: RegExp, s: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(s);
  return m && m.index === pos ? m[0] : null;
}

const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: ' ', apos: "'" };

/** Label text as Mermaid shows it: entity codes decoded, `<br>` as a space, quotes removed. */
export function labelText(raw: string): string {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  if (s.length >= 2 && s.startsWith('`') && s.endsWith('`')) s = s.slice(1, -1);
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/#([A-Za-z]{2,8}|\d{1,7});/g, (all, name: string) => {
    if (/^\d+$/.test(name)) {
      const code = Number(name);
      return code > 0x1f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
  return s.replace(/\s+/g, ' ').trim();
}

export interface NodeRef {
  readonly id: string;
  readonly label?: string;
  readonly shape?: ShapeName;
}

/** Reads `[label]`-style shapes after a node id; returns the position after it. */
function readShape(s: string, pos: number, id: string): [NodeRef, number] {
  if (s.startsWith('@{', pos)) {
    const close = s.indexOf('}', pos);
    if (close < 0) throw new SyntaxProblem(`expected '}' to close the shape of '${id}'`);
    const body = s.slice(pos + 2, close);
    const shape = /shape\s*:\s*([\w-]+)/.exec(body)?.[1]?.toLowerCase();
    const label = /label\s*:\s*"([^"]*)"/.exec(body)?.[1];
    return [{ id, shape: (shape && NAMED_SHAPES[shape]) || 'rect', ...(label !== undefined ? { label: labelText(label) } : {}) }, close + 1];
  }
  for (const [open, closers] of SHAPES) {
    if (!s.startsWith(open, pos)) continue;
    let from = pos + open.length;
    if (s[from] === '"') {
      const endQuote = s.indexOf('"', from + 1);
      if (endQuote < 0) throw new SyntaxProblem(`expected a closing '"' in the label of '${id}'`);
      from = endQuote + 1;
    }
    let best: [number, string, ShapeName] | null = null;
    for (const [close, shape] of closers) {
      const at = s.indexOf(close, from);
      if (at >= 0 && (!best || at < best[0])) best = [at, close, shape];
    }
    if (!best) throw new SyntaxProblem(`expected '${closers[0]?.[0]}' to close the label of '${id}'`);
    const label = labelText(s.slice(pos + open.length, best[0]));
    return [{ id, shape: best[2], ...(label ? { label } : {}) }, best[0] + best[1].length];
  }
  return [{ id }, pos];
}

/** A node id with its optional shape and `:::class`; null when no id starts at `pos`. */
export function readNode(s: string, pos: number): [NodeRef, number] | null {
  const id = match(ID, s, pos);
  if (!id) return null;
  const [node, end] = readShape(s, pos + id.length, id);
  const cls = match(CLASS_SUFFIX, s, end);
  return [node, end + (cls?.length ?? 0)];
}

export type LinkKind = 'directed' | 'undirected' | 'bidirectional' | 'invisible';
export interface Link {
  readonly token: string;
  readonly kind: LinkKind;
  readonly dotted: boolean;
  readonly text?: string;
}

function linkKind(token: string): LinkKind {
  if (token.includes('~')) return 'invisible';
  const headed = /[>ox]$/.test(token);
  if (token.startsWith('<')) return 'bidirectional';
  return headed ? 'directed' : 'undirected';
}

/** A link (`-->`, `-.->`, `== text ==>`, `-->|text|`...) starting at `pos`, or null. */
export function readLink(s: string, pos: number): [Link, number] | null {
  let token = match(PLAIN_LINK, s, pos);
  let text: string | undefined;
  let end = pos;
  if (token) end = pos + token.length;
  else {
    for (const [open, closers] of TEXT_OPENERS) {
      if (!s.startsWith(open, pos) || /[->.=]/.test(s[pos + 2] ?? '')) continue;
      closers.lastIndex = pos + 2;
      const found = closers.exec(s);
      if (!found) throw new SyntaxProblem(`expected the end of the link that starts with '${open}'`);
      text = labelText(s.slice(pos + 2, found.index));
      token = `${open}${found[0]}`;
      end = found.index + found[0].length;
      break;
    }
    if (!token) return null;
  }
  let after = end;
  while (s[after] === ' ' || s[after] === '\t') after++;
  if (s[after] === '|') {
    const close = s.indexOf('|', after + 1);
    if (close < 0) throw new SyntaxProblem(`expected a closing '|' after the text of '${token}'`);
    text = labelText(s.slice(after + 1, close));
    end = close + 1;
  }
  return [{ token, kind: linkKind(token), dotted: token.includes('.'), ...(text ? { text } : {}) }, end];
}
