import type { BreakerState, FailureCause } from './simTypes';

/**
 * One colour per failure cause, from the Okabe-Ito palette plus two of Paul Tol's, so that the
 * causes stay apart for the common colour-vision deficiencies. Timeouts and errors (the causes
 * people look for first) get the strongest hues.
 */
export const FAILURE_COLORS: Record<FailureCause, string> = {
  error: '#d55e00',
  timeout: '#e69f00',
  rejected_queue_full: '#0072b2',
  rejected_bulkhead: '#56b4e9',
  rejected_rate_limit: '#009e73',
  breaker_open: '#cc79a7',
  shed: '#f0e442',
  crashed: '#332288',
  partitioned: '#882255',
  dependency_failed: '#8c8c8c',
};

/** Short legend labels for the failure causes. */
export const FAILURE_LABELS: Record<FailureCause, string> = {
  error: 'Error',
  timeout: 'Timeout',
  rejected_queue_full: 'Queue full',
  rejected_bulkhead: 'Bulkhead full',
  rejected_rate_limit: 'Rate limited',
  breaker_open: 'Breaker open',
  shed: 'Shed',
  crashed: 'Crashed',
  partitioned: 'Partitioned',
  dependency_failed: 'Dependency failed',
};

/**
 * Breaker states differ in lightness as well as hue (closed light, half-open mid and hatched, open
 * dark), so red and green never carry the meaning alone.
 */
export const BREAKER_COLORS: Record<BreakerState, string> = {
  closed: '#8fd19e',
  half_open: '#f0a202',
  open: '#c0262d',
};

export const BREAKER_LABELS: Record<BreakerState, string> = {
  closed: 'Closed',
  half_open: 'Half-open',
  open: 'Open',
};
