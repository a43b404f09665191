import type { FailureCause, ScenarioInput } from '../model';

/** The four shelves of the lesson library. */
export const LESSON_TAGS = ['resilience', 'data', 'communication', 'decomposition'] as const;
export type LessonTag = (typeof LESSON_TAGS)[number];

/** A JSON value, so that a change is pure data (it could come from a file). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export type LessonCollection = 'nodes' | 'edges' | 'faults' | 'groups';

/**
 * One edit of a scenario:
 * - `{set: 'edges.gateway-order.policy.circuitBreaker', value: {}}` sets a field by the dotted
 *   path the sweeps use (`<collection>.<id>.<field>...`, or a top-level path like
 *   `settings.durationS`); missing or switched-off (null) objects on the way are created, so `{}`
 *   turns a policy part on with its defaults;
 * - `{add: 'nodes', item: {...}}` appends an item (its id must be new);
 * - `{remove: 'edges', id: 'a-b'}` removes an item.
 */
export type LessonEdit =
  | { readonly set: string; readonly value: JsonValue }
  | { readonly add: LessonCollection; readonly item: JsonObject }
  | { readonly remove: LessonCollection; readonly id: string };

/** What a step's "Apply" button does: one undoable edit of the open scenario. */
export interface LessonChange {
  /** Short, for the button and the undo history: "Turn on the breaker". */
  readonly label: string;
  readonly edits: readonly LessonEdit[];
}

export interface LessonStep {
  readonly text: string;
  readonly change?: LessonChange;
  /**
   * The scenario this step's change leads to (required with a change): the lesson's scenario
   * with the changes of every step up to this one applied, in order. It is also a file,
   * `examples/lessons/<lesson>.<variant>.json`, and the claim's checks may name it.
   */
  readonly variant?: string;
}

/** A number measured on a run, over the samples of a time window (the whole run by default). */
export type Metric = (
  | { readonly kind: 'successRatio'; readonly node: string }
  | { readonly kind: 'goodputPerSec'; readonly node: string }
  | { readonly kind: 'meanLatencyMs'; readonly node: string }
  | { readonly kind: 'degradedShare'; readonly node: string }
  | { readonly kind: 'arrivalsPerSec'; readonly node: string }
  | { readonly kind: 'peakArrivalsPerSec'; readonly node: string }
  | { readonly kind: 'arrivalsPerRequest'; readonly node: string; readonly per: string }
  | { readonly kind: 'failureShare'; readonly node: string; readonly cause: FailureCause }
  | { readonly kind: 'failedRequests'; readonly node: string }
  | { readonly kind: 'meanUtilisation'; readonly node: string }
  | { readonly kind: 'peakQueueDepth'; readonly node: string }
  | { readonly kind: 'endQueueDepth'; readonly node: string }
  | { readonly kind: 'deadLettered'; readonly node: string }
  | { readonly kind: 'edgeAttempts'; readonly edge: string }
  | { readonly kind: 'edgeSuccessRatio'; readonly edge: string }
  | { readonly kind: 'inconsistentSagas' }
) & { readonly fromS?: number; readonly toS?: number };

/** One number the claim promises, on one of the lesson's scenarios. */
export interface Check {
  /** `base` (the lesson's scenario) or a step's variant. */
  readonly variant: string;
  readonly metric: Metric;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** What the lesson teaches, in a sentence, and the numbers that prove it (a test runs them). */
export interface Claim {
  readonly text: string;
  readonly checks: readonly Check[];
}

export interface Lesson {
  /** Also the file name: examples/lessons/<id>.json. */
  readonly id: string;
  readonly title: string;
  readonly tags: readonly LessonTag[];
  /** One line for the lesson browser. */
  readonly summary: string;
  /** One paragraph: the system, the traffic and what is about to go wrong. */
  readonly setup: string;
  /** 2 to 5 steps. */
  readonly steps: readonly LessonStep[];
  readonly takeaway: string;
  readonly claim: Claim;
  /** Books and articles (from the sources in PATTERNS.md). */
  readonly reading: readonly string[];
  readonly scenario: ScenarioInput;
}
