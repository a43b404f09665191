import { labelText, readLink, readNode, SyntaxProblem, type NodeRef, type ShapeName } from './mermaidSyntax';

export const MERMAID_LIMITS = {
  maxChars: 200_000,
  maxLineChars: 10_000,
  maxNodes: 500,
  maxEdges: 2000,
  maxGroups: 100,
} as const;

export interface ParsedNode {
  readonly id: string;
  label?: string;
  shape?: ShapeName;
  group?: string;
  readonly line: number;
}
export interface ParsedEdge {
  readonly from: string;
  readonly to: string;
  readonly dotted: boolean;
  readonly text?: string;
  readonly line: number;
}
export interface ParsedGroup {
  readonly id: string;
  readonly label: string;
  readonly line: number;
}
export interface ParsedChart {
  readonly title?: string;
  readonly nodes: Map<string, ParsedNode>;
  readonly edges: ParsedEdge[];
  readonly groups: ParsedGroup[];
}

export type ParseOutcome = { readonly ok: true; readonly chart: ParsedChart } | { readonly ok: false; readonly line: number; readonly message: string };

class LineProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const HEADER = /^(?:flowchart|graph)(?:\s+(\S+))?\s*$/i;
const DIRECTIONS = new Set(['TD', 'TB', 'LR', 'RL', 'BT']);
const IGNORED = /^(?:classDef|class|style|linkStyle|click|direction)\s|^acc(?:Title|Descr)\s*[:{]/;

/** Splits a line into statements at `;` outside double quotes. */
function statements(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ';' && !quoted) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function snippet(s: string, pos: number): string {
  const rest = s.slice(pos, pos + 20);
  return rest.length < s.length - pos ? `${rest}...` : rest;
}

/** Parses Mermaid flowchart text into nodes, edges and subgraphs, or the first problem with its line. */
export function parseMermaid(text: string): ParseOutcome {
  try {
    return { ok: true, chart: parseUnsafe(text) };
  } catch (error) {
    if (error instanceof LineProblem) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

function parseUnsafe(text: string): ParsedChart {
  if (text.length > MERMAID_LIMITS.maxChars) {
    throw new LineProblem(1, `the text has ${text.length} characters; the limit is ${MERMAID_LIMITS.maxChars}`);
  }
  const lines = text.split(/\r\n|\r|\n/);
  const nodes = new Map<string, ParsedNode>();
  const edges: ParsedEdge[] = [];
  const groups: ParsedGroup[] = [];
  const stack: string[] = [];
  let title: string | undefined;
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && (lines[i]?.trim() === '' || lines[i]?.trim().startsWith('%%'))) i++;
  };

  skipBlank();
  if (lines[i]?.trim() === '---') {
    const start = i;
    for (i++; i < lines.length && lines[i]?.trim() !== '---'; i++) {
      const m = /^\s*title\s*:\s*(.*)$/.exec(lines[i] ?? '');
      if (m?.[1]) title = frontMatterValue(m[1]);
    }
    if (i >= lines.length) throw new LineProblem(start + 1, "expected '---' to close the front matter");
    i++;
    skipBlank();
  }
  if (i >= lines.length) throw new LineProblem(Math.max(1, lines.length), 'expected "flowchart" or "graph" followed by a direction (TD, LR...)');
  const headerLine = i + 1;
  const [header = '', ...rest] = statements(lines[i] ?? '');
  const head = HEADER.exec(header);
  if (!head) throw new LineProblem(headerLine, `expected "flowchart" or "graph" followed by a direction (TD, LR...), found "${snippet(header, 0)}"`);
  if (head[1] && !DIRECTIONS.has(head[1].toUpperCase())) {
    throw new LineProblem(headerLine, `unknown direction "${snippet(head[1], 0)}" (expected TD, TB, LR, RL or BT)`);
  }

  const addNode = (ref: NodeRef, line: number) => {
    let node = nodes.get(ref.id);
    if (!node) {
      if (nodes.size >= MERMAID_LIMITS.maxNodes) throw new LineProblem(line, `more than ${MERMAID_LIMITS.maxNodes} nodes`);
      node = { id: ref.id, line };
      nodes.set(ref.id, node);
    }
    // A later declaration with a shape wins, as in Mermaid.
    if (ref.shape) {
      node.shape = ref.shape;
      if (ref.label !== undefined) node.label = ref.label;
    }
    const group = stack[stack.length - 1];
    if (group !== undefined && node.group === undefined) node.group = group;
  };

  const chain = (s: string, line: number) => {
    let pos = 0;
    const ws = () => {
      while (s[pos] === ' ' || s[pos] === '\t') pos++;
    };
    const group = (): string[] | null => {
      const ids: string[] = [];
      for (;;) {
        ws();
        const found = readNode(s, pos);
        if (!found) {
          if (ids.length === 0) return null;
          throw new LineProblem(line, `expected a node id after '&'`);
        }
        addNode(found[0], line);
        ids.push(found[0].id);
        pos = found[1];
        ws();
        if (s[pos] !== '&') return ids;
        pos++;
      }
    };
    ws();
    const leading = readLink(s, pos);
    if (leading) throw new LineProblem(line, `expected a node id before '${leading[0].token}'`);
    let left = group();
    if (!left) throw new LineProblem(line, `unexpected '${snippet(s, pos)}'`);
    for (;;) {
      ws();
      if (pos >= s.length) return;
      const link = readLink(s, pos);
      if (!link) throw new LineProblem(line, `expected a link such as '-->' or the end of the line, found '${snippet(s, pos)}'`);
      pos = link[1];
      const right = group();
      if (!right) throw new LineProblem(line, `expected a node id after '${link[0].token}'`);
      const { kind, dotted, text } = link[0];
      for (const a of left) {
        for (const b of right) {
          if (kind === 'invisible') continue;
          const pairs = kind === 'bidirectional' ? [[a, b], [b, a]] : [[a, b]];
          for (const [from = a, to = b] of pairs) {
            if (edges.length >= MERMAID_LIMITS.maxEdges) throw new LineProblem(line, `more than ${MERMAID_LIMITS.maxEdges} links`);
            edges.push({ from, to, dotted, line, ...(text ? { text } : {}) });
          }
        }
      }
      left = right;
    }
  };

  const statement = (s: string, line: number) => {
    if (/^subgraph(?:\s|$)/.test(s)) {
      if (groups.length >= MERMAID_LIMITS.maxGroups) throw new LineProblem(line, `more than ${MERMAID_LIMITS.maxGroups} subgraphs`);
      const g = subgraphHeader(s.slice('subgraph'.length).trim(), groups.length + 1);
      groups.push({ ...g, line });
      stack.push(g.id);
    } else if (/^end$/.test(s)) {
      if (stack.length === 0) throw new LineProblem(line, "'end' without a subgraph to close");
      stack.pop();
    } else if (!IGNORED.test(s)) chain(s, line);
  };

  try {
    for (const s of rest) statement(s, headerLine);
    for (i++; i < lines.length; i++) {
      const raw = lines[i] ?? '';
      if (raw.length > MERMAID_LIMITS.maxLineChars) throw new LineProblem(i + 1, `the line is longer than ${MERMAID_LIMITS.maxLineChars} characters`);
      const trimmed = raw.trim();
      if (!trimmed || trimmed.startsWith('%%')) continue;
      for (const s of statements(trimmed)) statement(s, i + 1);
    }
  } catch (error) {
    if (error instanceof SyntaxProblem) throw new LineProblem(i + 1, error.message);
    throw error;
  }
  if (stack.length > 0) {
    const open = groups.find((g) => g.id === stack[stack.length - 1]);
    throw new LineProblem(open?.line ?? lines.length, `subgraph "${open?.id}" is never closed with 'end'`);
  }
  return { ...(title ? { title } : {}), nodes, edges, groups };
}

function frontMatterValue(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not JSON-compatible YAML: fall through and keep the text as written.
    }
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** `subgraph id [Title]`, `subgraph id ["Title"]`, `subgraph "Title"`, `subgraph Some title`. */
function subgraphHeader(rest: string, n: number): { id: string; label: string } {
  const idMatch = /^[\p{L}\p{N}_-]+/u.exec(rest);
  if (idMatch) {
    const after = rest.slice(idMatch[0].length).trim();
    if (after.startsWith('[') && after.endsWith(']')) return { id: idMatch[0], label: stripQuotes(after.slice(1, -1)) };
    if (!after) return { id: idMatch[0], label: idMatch[0] };
  }
  const label = stripQuotes(rest);
  return { id: label ? label : `subgraph-${n}`, label: label || `Subgraph ${n}` };
}

function stripQuotes(s: string): string {
  return labelText(s);
}
