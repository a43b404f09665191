import type { NodeSample, RunResult, Sample } from '../model';
import type { Check, Metric } from './types';

const EPSILON_MS = 1e-6;

/** The samples inside the metric's window (whole intervals only). */
function windowOf(result: RunResult, metric: Metric): readonly Sample[] {
  const fromMs = (metric.fromS ?? 0) * 1000;
  const toMs = metric.toS === undefined ? Infinity : metric.toS * 1000;
  return result.samples.filter((s) => s.startMs >= fromMs - EPSILON_MS && s.endMs <= toMs + EPSILON_MS);
}

function seconds(samples: readonly Sample[]): number {
  return samples.reduce((sum, s) => sum + (s.endMs - s.startMs) / 1000, 0);
}

function nodeSamples(samples: readonly Sample[], id: string): NodeSample[] {
  return samples.map((s) => s.nodes[id]).filter((n): n is NodeSample => n !== undefined);
}

const sum = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((total, item) => total + f(item), 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
const peak = (values: readonly number[]) => (values.length > 0 ? Math.max(...values) : NaN);

/** Measures a metric on a run; NaN when the window holds nothing to measure. */
export function measure(result: RunResult, metric: Metric): number {
  const samples = windowOf(result, metric);
  switch (metric.kind) {
    case 'successRatio': {
      const nodes = nodeSamples(samples, metric.node);
      return ratio(sum(nodes, (n) => n.successes), sum(nodes, (n) => n.completions));
    }
    case 'goodputPerSec':
      return ratio(sum(nodeSamples(samples, metric.node), (n) => n.successes), seconds(samples));
    case 'meanLatencyMs': {
      const nodes = nodeSamples(samples, metric.node);
      return ratio(sum(nodes, (n) => n.latency.meanMs * n.latency.count), sum(nodes, (n) => n.latency.count));
    }
    case 'degradedShare': {
      const nodes = nodeSamples(samples, metric.node);
      return ratio(sum(nodes, (n) => n.degraded), sum(nodes, (n) => n.successes));
    }
    case 'arrivalsPerSec':
      return ratio(sum(nodeSamples(samples, metric.node), (n) => n.arrivals), seconds(samples));
    case 'peakArrivalsPerSec':
      return peak(samples.map((s) => (s.nodes[metric.node]?.arrivals ?? 0) / ((s.endMs - s.startMs) / 1000)));
    case 'arrivalsPerRequest':
      return ratio(sum(nodeSamples(samples, metric.node), (n) => n.arrivals), sum(nodeSamples(samples, metric.per), (n) => n.arrivals));
    case 'failureShare': {
      const nodes = nodeSamples(samples, metric.node);
      return ratio(sum(nodes, (n) => n.failures[metric.cause]), sum(nodes, (n) => n.completions));
    }
    case 'failedRequests':
      return sum(nodeSamples(samples, metric.node), (n) => n.completions - n.successes);
    case 'meanUtilisation': {
      const nodes = nodeSamples(samples, metric.node);
      return nodes.length > 0 ? sum(nodes, (n) => n.utilisation) / nodes.length : NaN;
    }
    case 'peakQueueDepth':
      return peak(nodeSamples(samples, metric.node).map((n) => n.queueDepth));
    case 'endQueueDepth':
      return nodeSamples(samples, metric.node).at(-1)?.queueDepth ?? NaN;
    case 'deadLettered':
      return sum(nodeSamples(samples, metric.node), (n) => n.deadLettered);
    case 'edgeAttempts':
      return sum(samples, (s) => s.edges[metric.edge]?.attempts ?? 0);
    case 'edgeSuccessRatio':
      return ratio(sum(samples, (s) => s.edges[metric.edge]?.successes ?? 0), sum(samples, (s) => s.edges[metric.edge]?.attempts ?? 0));
    case 'inconsistentSagas':
      return result.totals.system.inconsistentSagas;
  }
}

const METRIC_WORDS: Record<Metric['kind'], string> = {
  successRatio: 'success ratio',
  goodputPerSec: 'goodput (successes/s)',
  meanLatencyMs: 'mean latency (ms)',
  degradedShare: 'share of degraded answers',
  arrivalsPerSec: 'arrivals/s',
  peakArrivalsPerSec: 'peak arrivals/s in one sample',
  arrivalsPerRequest: 'arrivals per request',
  failureShare: 'share of failures',
  failedRequests: 'failed requests',
  meanUtilisation: 'mean utilisation',
  peakQueueDepth: 'peak queue depth',
  endQueueDepth: 'queue depth at the end',
  deadLettered: 'dead-lettered messages',
  edgeAttempts: 'attempts',
  edgeSuccessRatio: 'success ratio of attempts',
  inconsistentSagas: 'inconsistent sagas',
};

/** "success ratio of users, 20-35 s" */
export function describeMetric(metric: Metric): string {
  let subject = '';
  if ('node' in metric) subject = ` of ${metric.node}`;
  if ('edge' in metric) subject = ` on ${metric.edge}`;
  if (metric.kind === 'arrivalsPerRequest') subject = ` at ${metric.node} per request of ${metric.per}`;
  if (metric.kind === 'failureShare') subject = ` by ${metric.cause} at ${metric.node}`;
  let window = '';
  if (metric.fromS !== undefined || metric.toS !== undefined) {
    window = metric.toS === undefined ? `, from ${metric.fromS ?? 0} s` : `, ${metric.fromS ?? 0}-${metric.toS} s`;
  }
  return `${METRIC_WORDS[metric.kind]}${subject}${window}`;
}

/** "base: success ratio of users, 20-35 s <= 0.4" */
export function describeCheck(check: Check): string {
  const bounds = [check.atLeast === undefined ? null : `>= ${check.atLeast}`, check.atMost === undefined ? null : `<= ${check.atMost}`].filter(Boolean);
  return `${check.variant}: ${describeMetric(check.metric)} ${bounds.join(' and ')}`;
}

/** Does a measured value meet the check? (NaN never does.) */
export function passes(check: Check, value: number): boolean {
  if (Number.isNaN(value)) return false;
  return (check.atLeast === undefined || value >= check.atLeast) && (check.atMost === undefined || value <= check.atMost);
}
