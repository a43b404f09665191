/**
 * A small block-style YAML emitter for the config exports. Hand-rolled rather than a dependency
 * so the app bundle stays lean; the tests parse every emitted document back with the `yaml`
 * package, so a quoting mistake fails a test instead of a user's deploy.
 */

export type YamlScalar = string | number | boolean | null;
export interface YamlMap {
  readonly type: 'map';
  readonly entries: readonly MapEntry[];
}
export interface YamlList {
  readonly type: 'list';
  readonly items: readonly ListItem[];
}
export type YamlNode = YamlScalar | YamlMap | YamlList;

interface Note {
  readonly note: string;
}
type MapEntry = { readonly key: string; readonly value: YamlNode } | Note;
type ListItem = { readonly item: YamlNode } | Note;

/** Entries of a map: `[key, value]` pairs; `undefined` values and `false`/`null` entries are skipped. */
export type MapInput = readonly ([string, YamlNode | undefined] | Note | false | null | undefined)[];

export const note = (text: string): Note => ({ note: text });

export function ymap(entries: MapInput): YamlMap {
  const out: MapEntry[] = [];
  for (const e of entries) {
    if (!e) continue;
    if ('note' in e) out.push(e);
    else if (e[1] !== undefined) out.push({ key: e[0], value: e[1] });
  }
  return { type: 'map', entries: out };
}

export function ylist(items: readonly (YamlNode | Note | undefined)[]): YamlList {
  const out: ListItem[] = [];
  for (const i of items) {
    if (i === undefined) continue;
    out.push(isNote(i) ? i : { item: i });
  }
  return { type: 'list', items: out };
}

function isNote(v: YamlNode | Note): v is Note {
  return typeof v === 'object' && v !== null && 'note' in v;
}

// Words YAML 1.1 or 1.2 would read as booleans or null: such strings must be quoted.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|\.nan|\.inf|-\.inf|\+\.inf)$/i;
const PLAIN_STRING = /^[A-Za-z][A-Za-z0-9_./-]*$/;
// Durations such as 500ms or 1.5s: they contain a letter, so no YAML version reads them as numbers.
const DURATION = /^\d+(?:\.\d+)?(?:ns|us|ms|s|m|h)$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A string as a YAML scalar: plain when nothing could misread it, else double-quoted. */
export function yamlString(value: string): string {
  if ((PLAIN_STRING.test(value) || DURATION.test(value)) && !RESERVED.test(value)) return value;
  return quote(value);
}

function quote(value: string): string {
  // JSON escapes are valid YAML double-quoted escapes; YAML also treats NEL, LS, PS and C1
  // controls as special, so they are escaped too.
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) && !RESERVED.test(key) ? key : quote(key);
}

function scalar(value: YamlScalar): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  return yamlString(value);
}

/** A comment, one `# ` line per line of text, so user text with line breaks stays a comment. */
export function commentLines(text: string, indent = ''): string[] {
  return text.split(/\r\n|[\r\n\u0085\u2028\u2029]/).map((line) => `${indent}# ${line}`.trimEnd());
}

function isEmptyCollection(node: YamlNode): string | null {
  if (typeof node !== 'object' || node === null) return null;
  if (node.type === 'map') return node.entries.some((e) => 'key' in e) ? null : '{}';
  return node.items.some((i) => 'item' in i) ? null : '[]';
}

function emit(node: YamlNode, indent: string, out: string[]): void {
  if (typeof node !== 'object' || node === null) {
    out.push(`${indent}${scalar(node)}`);
    return;
  }
  if (node.type === 'map') {
    for (const e of node.entries) {
      if ('note' in e) {
        out.push(...commentLines(e.note, indent));
        continue;
      }
      const key = `${indent}${yamlKey(e.key)}:`;
      const v = e.value;
      const empty = isEmptyCollection(v);
      if (typeof v !== 'object' || v === null) out.push(`${key} ${scalar(v)}`);
      else if (empty) {
        out.push(`${key} ${empty}`);
        emit(v, `${indent}  `, out); // only its notes remain: keep them under the key
      } else {
        out.push(key);
        emit(v, `${indent}  `, out);
      }
    }
    return;
  }
  for (const i of node.items) {
    if ('note' in i) {
      out.push(...commentLines(i.note, indent));
      continue;
    }
    const v = i.item;
    const empty = isEmptyCollection(v);
    if (typeof v !== 'object' || v === null) out.push(`${indent}- ${scalar(v)}`);
    else if (empty) {
      out.push(`${indent}- ${empty}`);
      emit(v, `${indent}  `, out);
    }
    else {
      // The first line of a nested collection shares the dash; leading comments go above it.
      const inner: string[] = [];
      emit(v, `${indent}  `, inner);
      const first = inner.findIndex((l) => !l.trimStart().startsWith('#'));
      inner.slice(0, first).forEach((l) => out.push(l.replace(`${indent}  `, indent)));
      out.push(`${indent}- ${(inner[first] ?? '').slice(indent.length + 2)}`);
      out.push(...inner.slice(first + 1));
    }
  }
}

export interface YamlDocument {
  /** Comment lines above the document. */
  readonly header?: string;
  readonly body: YamlNode;
}

/** One or more documents separated by `---`, ending with a newline. */
export function renderYaml(documents: readonly YamlDocument[]): string {
  const parts = documents.map((doc) => {
    const lines: string[] = doc.header ? commentLines(doc.header) : [];
    const empty = isEmptyCollection(doc.body);
    if (empty) lines.push(empty);
    else emit(doc.body, '', lines);
    return lines.join('\n');
  });
  return `${parts.join('\n---\n')}\n`;
}

/** Milliseconds as a duration string (`500ms`, `10s`, `0.5ms` as `500us`), as Spring, Envoy and Istio read them. */
export function duration(ms: number, unitSeconds = false): string {
  if (unitSeconds) return `${Number((ms / 1000).toFixed(6))}s`;
  if (Number.isInteger(ms)) return ms % 1000 === 0 && ms > 0 ? `${ms / 1000}s` : `${ms}ms`;
  return `${Math.round(ms * 1000)}us`;
}
