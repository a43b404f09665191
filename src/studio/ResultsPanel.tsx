import { useMemo } from 'react';
import { FAILURE_CAUSES, displayName, type Sample, type Scenario } from '../model';
import { appStore, useAppStore } from '../store';
import {
  FAILURE_COLORS,
  FAILURE_LABELS,
  LineChart,
  StackedAreaChart,
  StateBand,
  mergeStateSegments,
  type ChartSeries,
  type ShadedWindow,
} from './charts';
import './charts/charts.css';
import { StaleNotice } from './StaleNotice';

type Point = readonly [number, number];

const mid = (s: Sample) => s.startMs / 1000;
const perSec = (s: Sample, n: number) => (n * 1000) / Math.max(1, s.endMs - s.startMs);

function series(samples: readonly Sample[], pick: (s: Sample) => number): Point[] {
  return samples.map((s) => [mid(s), pick(s)] as const);
}

function faultWindows(scenario: Scenario | null): ShadedWindow[] {
  if (!scenario) return [];
  return scenario.faults.map((f) => ({ startS: f.startS, endS: f.startS + Math.max(f.durationS, 0.2), label: `${f.kind} on ${f.target}`, tone: f.kind === 'latency' || f.kind === 'delay' ? 'warning' : 'error' }));
}

interface Common {
  readonly xDomain: [number, number];
  readonly shaded: ShadedWindow[];
  readonly cursorS: number | null;
  readonly onPickTime: (s: number) => void;
}

const pickTime = (s: number) => appStore.getState().setScrub(s * 1000);

function SystemCharts({ samples, common }: { samples: readonly Sample[]; common: Common }) {
  const data = useMemo(() => {
    const load: ChartSeries[] = [
      { id: 'offered', label: 'Offered load', color: '#64748b', points: series(samples, (s) => s.system.offeredPerSec), dashed: true },
      { id: 'goodput', label: 'Goodput', color: 'var(--accent)', points: series(samples, (s) => s.system.goodputPerSec) },
    ];
    const success: ChartSeries[] = [{ id: 'success', label: 'Success ratio', color: '#15803d', points: series(samples, (s) => s.system.successRatio * 100) }];
    const latency: ChartSeries[] = [
      { id: 'p50', label: 'p50', color: '#0e7490', points: series(samples, (s) => (s.system.latency.count ? s.system.latency.p50Ms : NaN)) },
      { id: 'p99', label: 'p99', color: '#b45309', points: series(samples, (s) => (s.system.latency.count ? s.system.latency.p99Ms : NaN)) },
    ];
    return { load, success, latency };
  }, [samples]);
  return (
    <>
      <LineChart title="Offered load and goodput" unit="req/s" series={data.load} yMin={0} {...common} />
      <LineChart title="Client success ratio" unit="%" series={data.success} yMin={0} yMax={100} {...common} />
      <LineChart title="End-to-end latency" unit="ms" series={data.latency} yMin={0} {...common} />
    </>
  );
}

function failureSeries(samples: readonly Sample[], get: (s: Sample) => Record<string, number> | undefined): ChartSeries[] {
  return FAILURE_CAUSES.filter((c) => samples.some((s) => (get(s)?.[c] ?? 0) > 0)).map((c) => ({
    id: c,
    label: FAILURE_LABELS[c],
    color: FAILURE_COLORS[c],
    points: series(samples, (s) => perSec(s, get(s)?.[c] ?? 0)),
  }));
}

function NodeCharts({ id, samples, common }: { id: string; samples: readonly Sample[]; common: Common }) {
  const data = useMemo(() => {
    const node = (s: Sample) => s.nodes[id];
    return {
      throughput: [
        { id: 'arrivals', label: 'Arrivals', color: '#64748b', points: series(samples, (s) => perSec(s, node(s)?.arrivals ?? 0)), dashed: true },
        { id: 'successes', label: 'Successes', color: '#15803d', points: series(samples, (s) => perSec(s, node(s)?.successes ?? 0)) },
      ],
      failures: failureSeries(samples, (s) => node(s)?.failures),
      latency: (['p50Ms', 'p95Ms', 'p99Ms'] as const).map((k, i) => ({
        id: k,
        label: k.replace('Ms', ''),
        color: ['#0e7490', '#7c3aed', '#b45309'][i] ?? '#000',
        points: series(samples, (s) => (node(s)?.latency.count ? (node(s)?.latency[k] ?? NaN) : NaN)),
      })),
      queue: [
        { id: 'queue', label: 'Queue depth', color: '#b45309', points: series(samples, (s) => node(s)?.queueDepth ?? 0) },
        { id: 'inflight', label: 'In flight', color: '#2563eb', points: series(samples, (s) => node(s)?.inFlight ?? 0) },
      ],
    };
  }, [id, samples]);
  return (
    <>
      <LineChart title="Throughput" unit="req/s" series={data.throughput} yMin={0} {...common} />
      {data.failures.length ? <StackedAreaChart title="Failures by cause" unit="req/s" series={data.failures} {...common} /> : <p className="chart-empty">No failures at this node.</p>}
      <LineChart title="Latency percentiles" unit="ms" series={data.latency} yMin={0} {...common} />
      <LineChart title="Queue depth and in flight" unit="requests" series={data.queue} yMin={0} {...common} />
    </>
  );
}

function EdgeCharts({ id, samples, common }: { id: string; samples: readonly Sample[]; common: Common }) {
  const data = useMemo(() => {
    const edge = (s: Sample) => s.edges[id];
    return {
      attempts: [
        { id: 'attempts', label: 'Attempts', color: 'var(--accent)', points: series(samples, (s) => perSec(s, edge(s)?.attempts ?? 0)) },
        { id: 'retries', label: 'Retries', color: '#7c3aed', points: series(samples, (s) => perSec(s, edge(s)?.retries ?? 0)) },
      ],
      failures: failureSeries(samples, (s) => edge(s)?.failures),
      latency: (['p50Ms', 'p99Ms'] as const).map((k, i) => ({
        id: k,
        label: k.replace('Ms', ''),
        color: ['#0e7490', '#b45309'][i] ?? '#000',
        points: series(samples, (s) => (edge(s)?.latency.count ? (edge(s)?.latency[k] ?? NaN) : NaN)),
      })),
      breaker: mergeStateSegments(samples.map((s) => ({ startS: s.startMs / 1000, endS: s.endMs / 1000, state: edge(s)?.breakerState ?? null }))),
    };
  }, [id, samples]);
  return (
    <>
      <LineChart title="Attempts and retries" unit="req/s" series={data.attempts} yMin={0} {...common} />
      {data.failures.length ? <StackedAreaChart title="Failures by cause" unit="req/s" series={data.failures} {...common} /> : <p className="chart-empty">No failed attempts on this edge.</p>}
      <LineChart title="Attempt latency" unit="ms" series={data.latency} yMin={0} {...common} />
      {data.breaker.length ? <StateBand title="Circuit breaker" xDomain={common.xDomain} segments={data.breaker} cursorS={common.cursorS} /> : null}
    </>
  );
}

/** Charts of the run: the whole system, and the selected node or edge. */
export function ResultsPanel() {
  const samples = useAppStore((s) => s.runSamples);
  const runScenario = useAppStore((s) => s.runScenario);
  const scrubMs = useAppStore((s) => s.scrubMs);
  const nodeId = useAppStore((s) => (s.selection.nodes.length === 1 ? (s.selection.nodes[0] ?? null) : null));
  const edgeId = useAppStore((s) => (s.selection.edges.length === 1 && s.selection.nodes.length === 0 ? (s.selection.edges[0] ?? null) : null));
  const durationS = runScenario?.settings.durationS ?? 60;
  const shaded = useMemo(() => faultWindows(runScenario), [runScenario]);
  if (samples.length === 0) return <p className="panel-empty">Run the scenario (Ctrl+Enter) to see its charts here.</p>;
  const common: Common = { xDomain: [0, durationS], shaded, cursorS: scrubMs === null ? null : scrubMs / 1000, onPickTime: pickTime };
  const node = nodeId ? runScenario?.nodes.find((n) => n.id === nodeId) : undefined;
  const edge = edgeId ? runScenario?.edges.find((e) => e.id === edgeId) : undefined;
  return (
    <div className="results">
      <StaleNotice of="run" />
      <section className="results__group" aria-label="System charts">
        <h3>System</h3>
        <div className="results__charts">
          <SystemCharts samples={samples} common={common} />
        </div>
      </section>
      <section className="results__group" aria-label="Selection charts">
        <h3>{node ? displayName(node) : edge ? `${edge.from} → ${edge.to}` : 'Select a node or an edge to chart it'}</h3>
        <div className="results__charts">
          {node ? <NodeCharts id={node.id} samples={samples} common={common} /> : null}
          {edge ? <EdgeCharts id={edge.id} samples={samples} common={common} /> : null}
        </div>
      </section>
    </div>
  );
}
