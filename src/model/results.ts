/**
 * Results of a simulation run: the engine (src/sim) produces them; the worker, store, studio and
 * CLI read them, so they live with the data model. Plain JSON-serialisable data: it crosses a
 * worker boundary, prints from the CLI and hashes for determinism tests unchanged.
 */

/** Every failed call has exactly one cause (SIMULATION.md). */
export const FAILURE_CAUSES = [
  'error',
  'timeout',
  'rejected_queue_full',
  'rejected_bulkhead',
  'rejected_rate_limit',
  'breaker_open',
  'shed',
  'crashed',
  'partitioned',
  'dependency_failed',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

/** Counts per failure cause, in FAILURE_CAUSES order. */
export type CauseCounts = Record<FailureCause, number>;

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface LatencySummary {
  /** Number of observations. */
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** One node during one sample interval. */
export interface NodeSample {
  readonly arrivals: number;
  readonly completions: number;
  readonly successes: number;
  readonly failures: CauseCounts;
  /** Successful but degraded answers (fallback, partial aggregation). */
  readonly degraded: number;
  /** At the end of the interval. */
  readonly inFlight: number;
  readonly queueDepth: number;
  /** Busy workers / workers, averaged over the interval (0..1); 0 for nodes without workers. */
  readonly utilisation: number;
  readonly latency: LatencySummary;
  /** Queues: age of the oldest message at the end of the interval (ms); 0 otherwise. */
  readonly oldestMessageAgeMs: number;
  /** Queues: messages moved to the dead-letter queue in the interval. */
  readonly deadLettered: number;
}

/** One edge during one sample interval. */
export interface EdgeSample {
  /** Every attempt, first ones and retries. */
  readonly attempts: number;
  readonly retries: number;
  readonly successes: number;
  readonly failures: CauseCounts;
  readonly breakerState: BreakerState | null;
  readonly bulkheadInUse: number;
  readonly latency: LatencySummary;
}

export interface SystemSample {
  /** Client requests started per second (offered load). */
  readonly offeredPerSec: number;
  /** Successful client requests per second. */
  readonly goodputPerSec: number;
  /** Successful / completed client requests in the interval (1 when none completed). */
  readonly successRatio: number;
  readonly latency: LatencySummary;
}

/** Metrics of one interval [startMs, endMs), keyed by node and edge id. */
export interface Sample {
  readonly startMs: number;
  readonly endMs: number;
  readonly system: SystemSample;
  readonly nodes: Readonly<Record<string, NodeSample>>;
  readonly edges: Readonly<Record<string, EdgeSample>>;
}

export interface NodeTotals {
  readonly arrivals: number;
  readonly completions: number;
  readonly successes: number;
  readonly failures: CauseCounts;
  readonly degraded: number;
  readonly latency: LatencySummary;
  /** Calls that reached this node per client request (retry amplification). */
  readonly amplification: number;
  readonly meanInSystem: number;
  readonly meanUtilisation: number;
  readonly deadLettered: number;
}

export interface EdgeTotals {
  readonly attempts: number;
  readonly retries: number;
  readonly successes: number;
  readonly failures: CauseCounts;
  readonly latency: LatencySummary;
  readonly breakerOpenings: number;
}

export interface SystemTotals {
  readonly clientRequests: number;
  readonly successes: number;
  readonly failures: CauseCounts;
  readonly successRatio: number;
  readonly goodputPerSec: number;
  readonly latency: LatencySummary;
  /** Sagas that failed and could not be fully compensated. */
  readonly inconsistentSagas: number;
}

export type NotableKind =
  | 'fault_start'
  | 'fault_end'
  | 'breaker_open'
  | 'breaker_half_open'
  | 'breaker_closed'
  | 'queue_full'
  | 'bulkhead_saturated'
  | 'replica_ejected'
  | 'replica_restored'
  | 'first_failure'
  | 'budget_exceeded';

/** A moment worth showing on the timeline. */
export interface NotableEvent {
  readonly timeMs: number;
  readonly kind: NotableKind;
  /** The node, edge or fault id it is about. */
  readonly target: string;
  readonly message: string;
}

export type RunStatus = 'running' | 'completed' | 'budget_exceeded' | 'cancelled';

export interface RunResult {
  readonly status: RunStatus;
  /** Why the run stopped early, in words, when it did. */
  readonly reason: string | null;
  readonly seed: number;
  readonly simulatedMs: number;
  readonly events: number;
  readonly samples: readonly Sample[];
  readonly totals: {
    readonly system: SystemTotals;
    readonly nodes: Readonly<Record<string, NodeTotals>>;
    readonly edges: Readonly<Record<string, EdgeTotals>>;
  };
  readonly notable: readonly NotableEvent[];
}

export interface Progress {
  readonly status: RunStatus;
  readonly simulatedMs: number;
  readonly durationMs: number;
  readonly events: number;
}

export interface EngineOptions {
  /** Overrides scenario.settings.maxEvents. */
  readonly maxEvents?: number;
  /** Stop with budget_exceeded after this much wall-clock time (ms). */
  readonly maxWallMs?: number;
  /** Records at most this many notable events (default 2000). */
  readonly maxNotable?: number;
}
