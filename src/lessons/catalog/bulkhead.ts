import type { Lesson } from '../types';

export const bulkhead: Lesson = {
  id: 'bulkhead',
  title: 'A bulkhead isolates a slow dependency',
  tags: ['resilience'],
  summary: 'A hung reviews service takes every worker of the front end, until a bulkhead caps how many may wait on it.',
  setup:
    'A front-end service (16 workers) answers 200 requests a second. Every request reads the catalog; 30% also load reviews, an optional part of the page (if reviews fail, the page is shown without them). At 15 s the reviews service hangs for 15 s; calls to it time out after 1 s.',
  steps: [
    {
      text: 'Run it. Only 30% of requests need reviews, yet during the hang most requests fail: each call to reviews holds a front-end worker for a full second, 60 a second, and 16 workers cannot do that. Requests that never touch reviews queue behind them.',
    },
    {
      text: 'Add a bulkhead on the call to reviews: at most 5 calls at once, and no waiting for a permit. A sixth concurrent call is refused at once, and the page is shown without reviews.',
      change: { label: 'Add a bulkhead', edits: [{ set: 'edges.frontend-reviews.policy.bulkhead', value: { maxConcurrentCalls: 5, maxWaitMs: 0 } }] },
      variant: 'bulkhead',
    },
    {
      text: 'Run again. Reviews can now take at most 5 of the 16 workers; the other 11 keep serving. The pages that wanted reviews come back degraded; all the others are untouched.',
    },
  ],
  takeaway:
    'Give each dependency its own, limited pool (a bulkhead, like the watertight compartments of a ship), so that one slow dependency can flood only its own compartment. Size it from the dependency’s normal concurrency, not from the worst case.',
  claim: {
    text: 'During the hang at most 35% of requests succeed without the bulkhead; with it at least 99% do, and at most 35% of them are degraded (only those that wanted reviews).',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'visitors', fromS: 15, toS: 30 }, atMost: 0.35 },
      { variant: 'bulkhead', metric: { kind: 'successRatio', node: 'visitors', fromS: 15, toS: 30 }, atLeast: 0.99 },
      { variant: 'bulkhead', metric: { kind: 'degradedShare', node: 'visitors', fromS: 15, toS: 30 }, atMost: 0.35 },
    ],
  },
  reading: ['Michael Nygard, "Release It!", chapter on Bulkheads', 'Resilience4j documentation, Bulkhead', 'Sam Newman, "Building Microservices", chapter on resiliency'],
  scenario: {
    title: 'Lesson: bulkhead',
    settings: { durationS: 40, seed: 4 },
    nodes: [
      { id: 'visitors', kind: 'client', label: 'Visitors', position: { x: 0, y: 160 }, workload: { ratePerSec: 200 } },
      { id: 'frontend', kind: 'service', label: 'Front end', position: { x: 280, y: 160 }, workers: 16, serviceTime: { dist: 'exponential', meanMs: 4 } },
      { id: 'catalog', kind: 'service', label: 'Catalog', position: { x: 560, y: 60 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 6 } },
      { id: 'reviews', kind: 'service', label: 'Reviews', position: { x: 560, y: 260 }, workers: 16, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      { id: 'visitors-frontend', from: 'visitors', to: 'frontend', policy: { timeoutMs: 3000 } },
      { id: 'frontend-catalog', from: 'frontend', to: 'catalog', policy: { timeoutMs: 500 } },
      { id: 'frontend-reviews', from: 'frontend', to: 'reviews', callPercent: 30, optional: true, policy: { timeoutMs: 1000 } },
    ],
    faults: [{ id: 'reviews-hang', kind: 'hang', target: 'reviews', label: 'Reviews hang', startS: 15, durationS: 15 }],
  },
};
