import type { Lesson } from '../types';

export const timeouts: Lesson = {
  id: 'timeouts',
  title: 'Time-outs that are too long exhaust the workers',
  tags: ['resilience'],
  summary: 'A 10-second time-out on a call that normally takes 10 ms lets a slow tail occupy every worker.',
  setup:
    'A checkout service (32 workers) calls a tax service for each of 200 requests a second. The tax call normally answers in about 10 ms, but its time-out was set to a round 10 s. At 10 s a network problem delays one call in five by 5 s, for 15 s.',
  steps: [
    {
      text: 'Run it. One call in five waits 5 s, and the checkout worker waits with it: 40 calls a second × 5 s is 200 workers, and there are 32. Checkout’s utilisation goes to 100% and almost every request fails, including the four in five whose tax call was fast.',
    },
    {
      text: 'Set the time-out from the tax service’s latency (its p99 is well under 100 ms, so 250 ms leaves room) and retry once: a delayed call is abandoned after 250 ms and tried again, and the retry is usually fast.',
      change: {
        label: 'Time-out 250 ms, retry once',
        edits: [
          { set: 'edges.checkout-tax.policy.timeoutMs', value: 250 },
          { set: 'edges.checkout-tax.policy.retry', value: { maxAttempts: 2, backoff: 'fixed', baseMs: 10 } },
        ],
      },
      variant: 'short-timeout',
    },
    {
      text: 'Run again. A worker now waits at most about half a second, so the workers are enough; a request fails only when both attempts are delayed (about 4%).',
    },
  ],
  takeaway:
    'A time-out is a promise about how long a worker may be held. Choose it from the dependency’s latency percentiles (a little above p99.9), not a round number, and make sure the caller’s own time-out is longer than all its attempts.',
  claim: {
    text: 'During the delays, with a 10 s time-out at most 30% of checkouts succeed and checkout’s workers are at least 95% busy; with 250 ms and one retry at least 93% succeed.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 12, toS: 25 }, atMost: 0.3 },
      { variant: 'base', metric: { kind: 'meanUtilisation', node: 'checkout', fromS: 12, toS: 25 }, atLeast: 0.95 },
      { variant: 'short-timeout', metric: { kind: 'successRatio', node: 'shoppers', fromS: 12, toS: 25 }, atLeast: 0.93 },
    ],
  },
  reading: ['AWS Builders’ Library, "Timeouts, retries, and backoff with jitter"', 'Michael Nygard, "Release It!", chapter on Timeouts', 'Google, "Site Reliability Engineering", chapter 22 "Addressing Cascading Failures"'],
  scenario: {
    title: 'Lesson: time-outs too long',
    settings: { durationS: 30, seed: 9 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 120 }, workload: { ratePerSec: 200 } },
      { id: 'checkout', kind: 'service', label: 'Checkout', position: { x: 280, y: 120 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 5 } },
      { id: 'tax', kind: 'service', label: 'Tax service', position: { x: 560, y: 120 }, workers: 32, serviceTime: { dist: 'lognormal', medianMs: 8, p99Ms: 40 } },
    ],
    edges: [
      { id: 'shoppers-checkout', from: 'shoppers', to: 'checkout', policy: { timeoutMs: 2000 } },
      { id: 'checkout-tax', from: 'checkout', to: 'tax', policy: { timeoutMs: 10000 } },
    ],
    faults: [{ id: 'slow-network', kind: 'delay', target: 'checkout-tax', label: '1 in 5 calls delayed 5 s', startS: 10, durationS: 15, delayMs: 5000, percent: 20 }],
  },
};
