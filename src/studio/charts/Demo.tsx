import { useEffect, useMemo, useState } from 'react';
import './charts.css';
import { BREAKER_LABELS, FAILURE_COLORS, FAILURE_LABELS } from './colors';
import { LineChart } from './LineChart';
import type { StateInterval } from './segments';
import { mergeStateSegments } from './segments';
import type { ChartPoint, ChartSeries, ShadedWindow } from './series';
import type { BreakerState, FailureCause } from './simTypes';
import { StackedAreaChart } from './StackedAreaChart';
import { StateBand } from './StateBand';

/** Synthetic data: 60 s at 10 samples a second (600 points per series). */
const DURATION_S = 60;
const STEP_S = 0.1;
const COUNT = Math.round(DURATION_S / STEP_S);
const TIMES = Array.from({ length: COUNT }, (_, i) => Math.round((i + 1) * STEP_S * 10) / 10);
const FAULTS: readonly ShadedWindow[] = [
  { startS: 20, endS: 32, label: 'payments-db crash' },
  { startS: 40, endS: 46, label: '+300 ms latency', tone: 'warning' },
];
const inFault = (t: number): boolean => t >= 20 && t < 32;
/** Deterministic wobble so the demo looks alive without a random source. */
const wobble = (i: number, scale: number): number => scale * (Math.sin(i * 0.7) * 0.6 + Math.sin(i * 0.13) * 0.4);

const OFFERED = TIMES.map((t, i): ChartPoint => [t, 200 + wobble(i, 8)]);
const GOODPUT = TIMES.map((t, i): ChartPoint => [t, inFault(t) ? 60 + wobble(i, 15) : 196 + wobble(i, 6)]);
// A gap while the metrics pipeline was "down", to show NaN breaking the line.
const P99 = TIMES.map((t, i): ChartPoint => [t, t > 50 && t < 52 ? NaN : inFault(t) ? 900 + wobble(i, 80) : 45 + wobble(i, 5)]);
const P50 = TIMES.map((t, i): ChartPoint => [t, inFault(t) ? 240 + wobble(i, 30) : 12 + wobble(i, 2)]);
const CAUSES: readonly FailureCause[] = ['timeout', 'breaker_open', 'rejected_queue_full', 'error'];
const FAILURES = CAUSES.map((_cause, k) =>
  TIMES.map((t, i): ChartPoint => [t, inFault(t) ? Math.max(0, 30 - k * 8 + wobble(i + k, 6)) : Math.max(0, wobble(i + k, 1.5))]),
);
const BREAKER: readonly StateInterval[] = TIMES.map((t) => {
  const state: BreakerState = t < 22 ? 'closed' : t < 27 ? 'open' : t < 28 ? 'half_open' : t < 32 ? 'open' : t < 33 ? 'half_open' : 'closed';
  return { startS: t - STEP_S, endS: t, state };
});

/** Mount this to look at every chart with synthetic data; Play grows the data at 10 Hz like a run. */
export function ChartsDemo() {
  const [shown, setShown] = useState(COUNT);
  const [playing, setPlaying] = useState(false);
  const [cursorS, setCursorS] = useState<number | null>(null);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setShown((n) => (n >= COUNT ? COUNT : n + 1));
    }, 100);
    return () => clearInterval(timer);
  }, [playing]);

  const throughput = useMemo(
    (): ChartSeries[] => [
      { id: 'offered', label: 'Offered', color: '#94a3b8', dashed: true, points: OFFERED.slice(0, shown) },
      { id: 'goodput', label: 'Goodput', color: 'var(--accent)', points: GOODPUT.slice(0, shown) },
    ],
    [shown],
  );
  const latency = useMemo(
    (): ChartSeries[] => [
      { id: 'p50', label: 'p50', color: '#0e7490', points: P50.slice(0, shown) },
      { id: 'p99', label: 'p99', color: '#b45309', points: P99.slice(0, shown) },
    ],
    [shown],
  );
  const failures = useMemo(
    (): ChartSeries[] =>
      CAUSES.map((cause, k) => ({
        id: cause,
        label: FAILURE_LABELS[cause],
        color: FAILURE_COLORS[cause],
        points: (FAILURES[k] ?? []).slice(0, shown),
      })),
    [shown],
  );
  const breaker = useMemo(() => mergeStateSegments(BREAKER.slice(0, shown)), [shown]);
  const xDomain: [number, number] = [0, DURATION_S];

  return (
    <div style={{ display: 'grid', gap: 12, padding: 12, maxWidth: 760, background: 'var(--panel)' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <button
          type="button"
          onClick={() => {
            if (!playing && shown >= COUNT) setShown(0);
            setPlaying(!playing);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <span>
          Cursor: {cursorS === null ? 'none' : `${cursorS} s`} (click a chart or press Enter on it) · breaker now{' '}
          {BREAKER_LABELS[breaker[breaker.length - 1]?.state ?? 'closed'].toLowerCase()}
        </span>
      </div>
      <LineChart
        title="Throughput"
        unit="req/s"
        series={throughput}
        xDomain={xDomain}
        shaded={FAULTS}
        cursorS={cursorS}
        onPickTime={setCursorS}
      />
      <LineChart title="Latency" unit="ms" series={latency} xDomain={xDomain} shaded={FAULTS} cursorS={cursorS} onPickTime={setCursorS} />
      <StackedAreaChart
        title="Failures by cause"
        unit="req/s"
        series={failures}
        xDomain={xDomain}
        shaded={FAULTS}
        cursorS={cursorS}
        onPickTime={setCursorS}
        height={160}
      />
      <StateBand title="Breaker: checkout → payments" xDomain={xDomain} segments={breaker} cursorS={cursorS} />
    </div>
  );
}
