import { z } from 'zod';
import { LIMITS, field, numberOf, numberWithDefault, type NumberField } from './fields';

const msField = (label: string, dflt: number, help?: string, min = 0): NumberField => field.ms(label, dflt, { min, ...(help ? { help } : {}) });

/** Parameters of the caller's policy on an edge. Defaults follow Resilience4j where it has one. */
export const POLICY_FIELDS = {
  timeoutMs: msField('Timeout per attempt', 1000, 'The caller gives up on an attempt after this long.', 0.001),
  retry: {
    maxAttempts: { label: 'Max attempts', min: 1, max: 100, integer: true, default: 3, help: 'Counts the first call.' },
    baseMs: msField('Base delay', 500),
    multiplier: { label: 'Multiplier', min: 1, max: 100, default: 2, help: 'Growth of the delay per attempt (exponential backoff).' },
    maxMs: msField('Max delay', 30_000),
  },
  retryBudget: {
    ratioPercent: {
      label: 'Budget',
      unit: '%',
      min: 0,
      max: 1000,
      default: 20,
      help: 'Retries may be at most this share of first attempts.',
    },
    minPerSec: { label: 'Minimum retries', unit: '/s', min: 0, max: LIMITS.maxRatePerSec, default: 10 },
  },
  circuitBreaker: {
    windowSize: {
      label: 'Window size',
      unit: 'calls or s',
      min: 1,
      max: 100_000,
      integer: true,
      default: 100,
      help: 'Last N calls (COUNT) or last N seconds (TIME).',
    },
    minimumNumberOfCalls: { label: 'Minimum calls', min: 1, max: 100_000, integer: true, default: 100 },
    failureRateThreshold: { label: 'Failure rate threshold', unit: '%', min: 1, max: 100, default: 50 },
    slowCallRateThreshold: { label: 'Slow call rate threshold', unit: '%', min: 1, max: 100, default: 100 },
    slowCallDurationThresholdMs: msField('Slow call duration', 60_000, undefined, 0.001),
    waitDurationInOpenStateMs: msField('Wait in open state', 60_000),
    permittedNumberOfCallsInHalfOpenState: {
      label: 'Calls in half-open',
      min: 1,
      max: 10_000,
      integer: true,
      default: 10,
    },
  },
  bulkhead: {
    maxConcurrentCalls: { label: 'Max concurrent calls', min: 1, max: 100_000, integer: true, default: 25 },
    maxWaitMs: msField('Max wait', 0),
  },
  rateLimiter: {
    limitForPeriod: { label: 'Calls per period', min: 1, max: LIMITS.maxRatePerSec, integer: true, default: 50 },
    periodMs: msField('Period', 1000, undefined, 1),
    maxWaitMs: msField('Max wait for a permit', 0),
  },
  adaptiveThrottling: {
    k: { label: 'K (accepts multiplier)', min: 1, max: 10, default: 2, help: 'SRE book: 2 is the usual value.' },
    windowS: { label: 'Window', unit: 's', min: 1, max: 3600, default: 120 },
  },
} as const satisfies Record<string, NumberField | Record<string, NumberField>>;

const F = POLICY_FIELDS;

export const BACKOFF_KINDS = ['fixed', 'exponential'] as const;
export const JITTER_KINDS = ['none', 'full', 'equal', 'decorrelated'] as const;
export const WINDOW_TYPES = ['COUNT', 'TIME'] as const;
export const FALLBACK_KINDS = ['none', 'static', 'cached'] as const;

const retryOnSchema = z
  .strictObject({
    error: z.boolean().default(true),
    timeout: z.boolean().default(true),
    rejection: z.boolean().default(false),
  })
  .prefault({});

export const retryBudgetSchema = z.strictObject({
  ratioPercent: numberWithDefault(F.retryBudget.ratioPercent),
  minPerSec: numberWithDefault(F.retryBudget.minPerSec),
});

export const retrySchema = z
  .strictObject({
    maxAttempts: numberWithDefault(F.retry.maxAttempts),
    backoff: z.enum(BACKOFF_KINDS, { error: 'expected "fixed" or "exponential"' }).default('fixed'),
    baseMs: numberWithDefault(F.retry.baseMs),
    multiplier: numberWithDefault(F.retry.multiplier),
    maxMs: numberWithDefault(F.retry.maxMs),
    jitter: z
      .enum(JITTER_KINDS, { error: 'expected "none", "full", "equal" or "decorrelated"' })
      .default('none'),
    retryOn: retryOnSchema,
    budget: retryBudgetSchema.nullable().default(null),
  })
  .refine((r) => r.maxMs >= r.baseMs, { error: 'expected maxMs >= baseMs', path: ['maxMs'] });

export const circuitBreakerSchema = z.strictObject({
  windowType: z.enum(WINDOW_TYPES, { error: 'expected "COUNT" or "TIME"' }).default('COUNT'),
  windowSize: numberWithDefault(F.circuitBreaker.windowSize),
  minimumNumberOfCalls: numberWithDefault(F.circuitBreaker.minimumNumberOfCalls),
  failureRateThreshold: numberWithDefault(F.circuitBreaker.failureRateThreshold),
  slowCallRateThreshold: numberWithDefault(F.circuitBreaker.slowCallRateThreshold),
  slowCallDurationThresholdMs: numberWithDefault(F.circuitBreaker.slowCallDurationThresholdMs),
  waitDurationInOpenStateMs: numberWithDefault(F.circuitBreaker.waitDurationInOpenStateMs),
  permittedNumberOfCallsInHalfOpenState: numberWithDefault(F.circuitBreaker.permittedNumberOfCallsInHalfOpenState),
});

export const bulkheadSchema = z.strictObject({
  maxConcurrentCalls: numberWithDefault(F.bulkhead.maxConcurrentCalls),
  maxWaitMs: numberWithDefault(F.bulkhead.maxWaitMs),
});

export const rateLimiterSchema = z.strictObject({
  limitForPeriod: numberWithDefault(F.rateLimiter.limitForPeriod),
  periodMs: numberWithDefault(F.rateLimiter.periodMs),
  maxWaitMs: numberWithDefault(F.rateLimiter.maxWaitMs),
});

export const adaptiveThrottlingSchema = z.strictObject({
  k: numberWithDefault(F.adaptiveThrottling.k),
  windowS: numberWithDefault(F.adaptiveThrottling.windowS),
});

export const fallbackSchema = z.enum(FALLBACK_KINDS, { error: 'expected "none", "static" or "cached"' });

/** The caller's policy on an edge: Retry(CircuitBreaker(RateLimiter(Timeout(Bulkhead(call))))). */
export const policySchema = z
  .strictObject({
    timeoutMs: numberOf(F.timeoutMs).nullable().default(null),
    deadlinePropagation: z.boolean().default(false),
    retry: retrySchema.nullable().default(null),
    circuitBreaker: circuitBreakerSchema.nullable().default(null),
    bulkhead: bulkheadSchema.nullable().default(null),
    rateLimiter: rateLimiterSchema.nullable().default(null),
    adaptiveThrottling: adaptiveThrottlingSchema.nullable().default(null),
    fallback: fallbackSchema.default('none'),
  })
  .prefault({});

export type Policy = z.infer<typeof policySchema>;
export type Retry = z.infer<typeof retrySchema>;
export type CircuitBreaker = z.infer<typeof circuitBreakerSchema>;
export type Bulkhead = z.infer<typeof bulkheadSchema>;
export type RateLimiter = z.infer<typeof rateLimiterSchema>;
export type AdaptiveThrottling = z.infer<typeof adaptiveThrottlingSchema>;
export type RetryBudget = z.infer<typeof retryBudgetSchema>;

/** The default value of each optional policy part, used when the user switches it on. */
export const defaultRetry = (): Retry => retrySchema.parse({});
export const defaultCircuitBreaker = (): CircuitBreaker => circuitBreakerSchema.parse({});
export const defaultBulkhead = (): Bulkhead => bulkheadSchema.parse({});
export const defaultRateLimiter = (): RateLimiter => rateLimiterSchema.parse({});
export const defaultAdaptiveThrottling = (): AdaptiveThrottling => adaptiveThrottlingSchema.parse({});
export const defaultRetryBudget = (): RetryBudget => retryBudgetSchema.parse({});
export const noPolicy = (): Policy => policySchema.parse({});

export interface PolicyPreset {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly policy: () => Policy;
}

export const POLICY_PRESETS: readonly PolicyPreset[] = [
  {
    id: 'none',
    label: 'No policy',
    description: 'No timeout, no retry, no breaker: the call waits as long as it takes.',
    policy: noPolicy,
  },
  {
    id: 'resilience4j',
    label: 'Resilience4j defaults',
    description: '1 s time limiter, 3 attempts 500 ms apart, breaker over the last 100 calls at 50%, bulkhead of 25.',
    policy: () => ({
      ...noPolicy(),
      timeoutMs: 1000,
      retry: defaultRetry(),
      circuitBreaker: defaultCircuitBreaker(),
      bulkhead: defaultBulkhead(),
    }),
  },
  {
    id: 'hystrix',
    label: 'Hystrix-like',
    description: '1 s timeout, no retry, breaker over 10 s with 20 calls minimum, 5 s open, 1 trial call, pool of 10.',
    policy: () => ({
      ...noPolicy(),
      timeoutMs: 1000,
      circuitBreaker: {
        ...defaultCircuitBreaker(),
        windowType: 'TIME',
        windowSize: 10,
        minimumNumberOfCalls: 20,
        waitDurationInOpenStateMs: 5000,
        permittedNumberOfCallsInHalfOpenState: 1,
      },
      bulkhead: { maxConcurrentCalls: 10, maxWaitMs: 0 },
      fallback: 'static',
    }),
  },
  {
    id: 'aggressive-retries',
    label: 'Aggressive retries',
    description: '5 attempts with no delay on every failure, no breaker: the retry storm waiting to happen.',
    policy: () => ({
      ...noPolicy(),
      timeoutMs: 2000,
      retry: {
        ...defaultRetry(),
        maxAttempts: 5,
        baseMs: 0,
        maxMs: 0,
        retryOn: { error: true, timeout: true, rejection: true },
      },
    }),
  },
];
