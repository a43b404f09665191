import { FAILURE_CAUSES, type CauseCounts, type LatencySummary, type RunResult } from './results';

export interface Column {
  readonly key: string;
  readonly label: string;
  /** Digits after the decimal point when printed. */
  readonly digits: number;
}

export interface Row {
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface Table {
  readonly name: 'system' | 'nodes' | 'edges';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : NaN);

function latencyColumns(prefix = ''): Column[] {
  return [
    { key: `${prefix}p50Ms`, label: 'p50 ms', digits: 1 },
    { key: `${prefix}p95Ms`, label: 'p95 ms', digits: 1 },
    { key: `${prefix}p99Ms`, label: 'p99 ms', digits: 1 },
  ];
}

function latencyValues(l: LatencySummary): Record<string, number> {
  return l.count > 0 ? { p50Ms: l.p50Ms, p95Ms: l.p95Ms, p99Ms: l.p99Ms } : { p50Ms: NaN, p95Ms: NaN, p99Ms: NaN };
}

function causeValues(c: CauseCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const cause of FAILURE_CAUSES) out[cause] = c[cause];
  return out;
}

/** Failure-cause columns, only for causes that occur somewhere in the table. */
function causeColumns(rows: readonly Row[]): Column[] {
  return FAILURE_CAUSES.filter((cause) => rows.some((r) => (r.values[cause] ?? 0) > 0)).map((cause) => ({ key: cause, label: cause, digits: 0 }));
}

/** A run's summary tables (system, per node, per edge): what the CLI prints and the studio exports. */
export function summarize(result: RunResult, labels?: { nodes?: ReadonlyMap<string, string>; edges?: ReadonlyMap<string, string> }): Table[] {
  const seconds = Math.max(result.simulatedMs / 1000, 1e-9);
  const sys = result.totals.system;
  const systemTable: Table = {
    name: 'system',
    title: 'System',
    columns: [
      { key: 'clientRequests', label: 'client requests', digits: 0 },
      { key: 'goodputPerSec', label: 'goodput /s', digits: 1 },
      { key: 'successRatio', label: 'success ratio', digits: 4 },
      ...latencyColumns(),
    ],
    rows: [
      {
        key: 'system',
        label: 'system',
        values: { clientRequests: sys.clientRequests, goodputPerSec: sys.goodputPerSec, successRatio: sys.successRatio, ...latencyValues(sys.latency) },
      },
    ],
  };
  const nodeRows: Row[] = Object.entries(result.totals.nodes).map(([id, n]) => ({
    key: id,
    label: labels?.nodes?.get(id) ?? id,
    values: {
      throughputPerSec: n.completions / seconds,
      successRatio: ratio(n.successes, n.completions),
      ...causeValues(n.failures),
      ...latencyValues(n.latency),
      amplification: n.amplification,
      utilisation: n.meanUtilisation,
    },
  }));
  const edgeRows: Row[] = Object.entries(result.totals.edges).map(([id, e]) => ({
    key: id,
    label: labels?.edges?.get(id) ?? id,
    values: {
      attemptsPerSec: e.attempts / seconds,
      retries: e.retries,
      successRatio: ratio(e.successes, e.successes + Object.values(e.failures).reduce((a, b) => a + b, 0)),
      ...causeValues(e.failures),
      ...latencyValues(e.latency),
      breakerOpenings: e.breakerOpenings,
    },
  }));
  return [
    systemTable,
    {
      name: 'nodes',
      title: 'Nodes',
      columns: [
        { key: 'throughputPerSec', label: 'throughput /s', digits: 1 },
        { key: 'successRatio', label: 'success ratio', digits: 4 },
        ...causeColumns(nodeRows),
        ...latencyColumns(),
        { key: 'amplification', label: 'amplification', digits: 2 },
        { key: 'utilisation', label: 'utilisation', digits: 3 },
      ],
      rows: nodeRows,
    },
    {
      name: 'edges',
      title: 'Edges',
      columns: [
        { key: 'attemptsPerSec', label: 'attempts /s', digits: 1 },
        { key: 'retries', label: 'retries', digits: 0 },
        { key: 'successRatio', label: 'success ratio', digits: 4 },
        ...causeColumns(edgeRows),
        ...latencyColumns(),
        { key: 'breakerOpenings', label: 'breaker openings', digits: 0 },
      ],
      rows: edgeRows,
    },
  ];
}
