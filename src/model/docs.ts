import { scenarioJsonSchema } from './jsonSchema';

export { scenarioJsonSchema };

type Json = Record<string, unknown>;

interface Row {
  readonly field: string;
  readonly type: string;
  readonly range: string;
  readonly dflt: string;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

function variants(s: Json): Json[] {
  return [...list(s.oneOf), ...list(s.anyOf)];
}

function withoutNull(s: Json): { schema: Json; nullable: boolean } {
  const vs = variants(s);
  const rest = vs.filter((v) => v.type !== 'null');
  if (vs.length > 0 && rest.length < vs.length) {
    return { schema: rest.length === 1 && rest[0] ? { ...rest[0], default: s.default } : { ...s, anyOf: rest, oneOf: undefined }, nullable: true };
  }
  return { schema: s, nullable: false };
}

function isDistribution(s: Json): boolean {
  const vs = variants(s);
  return vs.length > 0 && vs.every((v) => isObj(v.properties) && isObj(v.properties.dist));
}

function fmt(v: unknown): string {
  if (v === undefined) return '';
  return `\`${JSON.stringify(v)}\``;
}

function range(s: Json): string {
  if (typeof s.minimum === 'number' || typeof s.maximum === 'number') return `${s.minimum ?? ''} .. ${s.maximum ?? ''}`;
  if (typeof s.maxLength === 'number') return `at most ${s.maxLength} characters`;
  if (typeof s.maxItems === 'number') return `at most ${s.maxItems} items`;
  return '';
}

function typeOf(s: Json): string {
  if (s.const !== undefined) return fmt(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((e) => fmt(e)).join(' \\| ');
  if (isDistribution(s)) return 'distribution';
  if (s.type === 'array') {
    const item = isObj(s.items) ? s.items : {};
    const tags = variants(item).map((v) => (isObj(v.properties) && isObj(v.properties.kind) ? v.properties.kind.const : undefined));
    if (tags.length > 0 && tags.every((t) => t !== undefined)) return `list of ${tags.map((t) => `\`${String(t)}\``).join(' \\| ')} objects`;
    return `list of ${typeOf(item)}`;
  }
  if (typeof s.type === 'string') return s.type;
  if (variants(s).length > 0) return variants(s).map(typeOf).join(' \\| ');
  return 'value';
}

function collect(s: Json, prefix: string, out: Row[]): void {
  const props = isObj(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  for (const [key, raw] of Object.entries(props)) {
    if (!isObj(raw)) continue;
    const { schema, nullable } = withoutNull(raw);
    const name = `${prefix}${key}`;
    const dflt = raw.default !== undefined ? fmt(raw.default) : required.has(key) ? 'required' : 'optional';
    if (schema.type === 'object' && isObj(schema.properties) && !isDistribution(schema)) {
      out.push({ field: name, type: nullable ? 'object or `null` (null = off)' : 'object', range: '', dflt });
      collect(schema, `${name}.`, out);
      continue;
    }
    out.push({ field: name, type: `${typeOf(schema)}${nullable ? ' or `null`' : ''}`, range: range(schema), dflt });
  }
}

function table(rows: readonly Row[]): string {
  return ['| field | type | range | default |', '|---|---|---|---|', ...rows.map((r) => `| \`${r.field}\` | ${r.type} | ${r.range} | ${r.dflt} |`)].join('\n');
}

const COMMON_NODE_FIELDS = new Set(['id', 'label', 'description', 'position', 'position.x', 'position.y', 'group']);

function kindTables(s: Json, discriminator: string, heading: string, skip: ReadonlySet<string> = new Set()): string {
  const out: string[] = [];
  for (const v of variants(s)) {
    const props = isObj(v.properties) ? v.properties : {};
    const tag = isObj(props[discriminator]) ? (props[discriminator] as Json).const : undefined;
    const rows: Row[] = [];
    collect(v, '', rows);
    out.push(`${heading} \`${String(tag)}\`\n\n${table(rows.filter((r) => r.field !== discriminator && !skip.has(r.field)))}`);
  }
  return out.join('\n\n');
}

function phases(nodes: Json): Json {
  for (const v of variants(nodes)) {
    const workload = isObj(v.properties) ? v.properties.workload : undefined;
    const list = isObj(workload) && isObj(workload.properties) ? workload.properties.phases : undefined;
    if (isObj(list) && isObj(list.items)) return list.items;
  }
  return {};
}

/** The reference part of docs/scenario-format.md: every field with type, range and default. */
export function renderReference(): string {
  const root = scenarioJsonSchema();
  const scenario = isObj(root.properties) && isObj(root.properties.scenario) ? root.properties.scenario : {};
  const props = isObj(scenario.properties) ? scenario.properties : {};
  const part = (key: string): Json => (isObj(props[key]) ? (props[key] as Json) : {});
  const items = (key: string): Json => (isObj(part(key).items) ? (part(key).items as Json) : {});
  const settingsRows: Row[] = [];
  collect(part('settings'), 'settings.', settingsRows);
  const metadataRows: Row[] = [];
  collect(part('metadata'), 'metadata.', metadataRows);
  const edgeRows: Row[] = [];
  collect(items('edges'), '', edgeRows);
  const groupRows: Row[] = [];
  collect(items('groups'), '', groupRows);
  const nodes = items('nodes');
  const distribution = isObj(nodes.oneOf) ? {} : (variants(nodes).map((v) => (isObj(v.properties) ? v.properties.serviceTime : undefined)).find(isObj) ?? {});
  return [
    '### Settings and metadata',
    table([...settingsRows, ...metadataRows]),
    '### Nodes',
    'Every node has `id` (required), `kind`, and optionally `label`, `description`, `position` `{x, y}` and `group` (a bounded context id).',
    kindTables(nodes, 'kind', '#### kind', COMMON_NODE_FIELDS),
    '#### Workload phases (`workload.phases` of a client)',
    kindTables(phases(nodes), 'kind', '##### phase'),
    '### Edges',
    table(edgeRows),
    '### Faults',
    'Every fault has `id`, `target` (a node id, or an edge id for partition, packetLoss, delay and abort), `startS`, `durationS` and optionally `replica` (0-based) and `label`.',
    kindTables(items('faults'), 'kind', '#### kind', new Set(['id', 'target', 'startS', 'durationS', 'replica', 'label'])),
    '### Groups (bounded contexts)',
    table(groupRows),
    '### Distributions',
    'Latency, service time and think time fields take one of these shapes (`dist` picks it):',
    kindTables(withoutNull(distribution).schema, 'dist', '#### dist'),
  ].join('\n\n');
}
