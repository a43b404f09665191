import type { RunResult } from '../model';
import type { SweepMetric } from '../store';

export interface MetricInfo {
  readonly id: SweepMetric;
  readonly label: string;
  readonly unit: string;
  readonly higherIsBetter: boolean;
  /** Digits after the decimal point in tables. */
  readonly digits: number;
  /** The run's whole-run value (NaN when it has none, like p99 with no successful request). */
  readonly value: (result: RunResult) => number;
}

/** What a sweep can plot against the parameter: whole-run system totals. */
export const SWEEP_METRICS: readonly MetricInfo[] = [
  { id: 'goodput', label: 'Goodput', unit: 'req/s', higherIsBetter: true, digits: 1, value: (r) => r.totals.system.goodputPerSec },
  { id: 'successRatio', label: 'Success ratio', unit: '%', higherIsBetter: true, digits: 2, value: (r) => r.totals.system.successRatio * 100 },
  {
    id: 'p99',
    label: 'p99 latency',
    unit: 'ms',
    higherIsBetter: false,
    digits: 1,
    value: (r) => (r.totals.system.latency.count > 0 ? r.totals.system.latency.p99Ms : NaN),
  },
];

export function metricInfo(id: SweepMetric): MetricInfo {
  return SWEEP_METRICS.find((m) => m.id === id) ?? (SWEEP_METRICS[0] as MetricInfo);
}
