import type { Lesson } from '../types';

export const circuitBreaker: Lesson = {
  id: 'circuit-breaker',
  title: 'A circuit breaker fails fast',
  tags: ['resilience'],
  summary: 'A hung dependency holds every worker until its time-out; a breaker stops calling it and keeps the page up.',
  setup:
    'Shoppers load product pages through an API gateway. The product service calls a recommendations service with a 1 s time-out and shows a default list (a static fallback) when it fails. At 15 s the recommendations service hangs for 15 s: it accepts calls and never answers. The product service has 32 workers; each call to the hung service keeps one busy for the full second.',
  steps: [
    {
      text: 'Run the scenario. Watch the product service: its workers fill up within a second of the hang, its queue overflows, and the gateway starts failing even though the product data itself is fine.',
    },
    {
      text: 'Turn on a circuit breaker on the call from the product service to recommendations: after 20 calls with half of them failing it opens for 5 s and refuses calls at once, so the fallback answers immediately.',
      change: {
        label: 'Turn on the breaker',
        edits: [
          {
            set: 'edges.product-recs.policy.circuitBreaker',
            value: { windowSize: 20, minimumNumberOfCalls: 20, failureRateThreshold: 50, waitDurationInOpenStateMs: 5000, permittedNumberOfCallsInHalfOpenState: 5 },
          },
        ],
      },
      variant: 'breaker',
    },
    {
      text: 'Run again. The breaker opens about a second into the hang and re-tests the dependency every 5 s (half-open). Pages come back degraded (no personal recommendations) instead of failing, and the breaker closes once recommendations recover.',
    },
  ],
  takeaway:
    'A time-out alone still pays the full time-out on every call to a dead dependency; at enough traffic that exhausts the caller. A breaker turns a slow failure into a fast one, and a fallback turns a fast failure into a degraded answer.',
  claim: {
    text: 'During the hang, with the breaker at least 90% of requests succeed (most degraded); without it at most 10% do.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 15, toS: 30 }, atMost: 0.1 },
      { variant: 'breaker', metric: { kind: 'successRatio', node: 'shoppers', fromS: 15, toS: 30 }, atLeast: 0.9 },
      { variant: 'breaker', metric: { kind: 'degradedShare', node: 'shoppers', fromS: 15, toS: 30 }, atLeast: 0.8 },
      { variant: 'breaker', metric: { kind: 'successRatio', node: 'shoppers', fromS: 36, toS: 45 }, atLeast: 0.99 },
    ],
  },
  reading: ['Michael Nygard, "Release It!", chapter on Circuit Breaker', 'Martin Fowler, "CircuitBreaker" (martinfowler.com)', 'Resilience4j documentation, CircuitBreaker'],
  scenario: {
    title: 'Lesson: a circuit breaker fails fast',
    settings: { durationS: 45, seed: 11 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 120 }, workload: { ratePerSec: 200 } },
      { id: 'gateway', kind: 'gateway', label: 'API gateway', position: { x: 260, y: 120 }, workers: 256 },
      {
        id: 'product',
        kind: 'service',
        label: 'Product service',
        position: { x: 520, y: 120 },
        workers: 32,
        serviceTime: { dist: 'exponential', meanMs: 10 },
      },
      {
        id: 'recommendations',
        kind: 'service',
        label: 'Recommendations',
        position: { x: 780, y: 120 },
        workers: 32,
        serviceTime: { dist: 'exponential', meanMs: 15 },
      },
    ],
    edges: [
      { id: 'shoppers-gateway', from: 'shoppers', to: 'gateway', policy: { timeoutMs: 3000 } },
      { id: 'gateway-product', from: 'gateway', to: 'product', policy: { timeoutMs: 2500 } },
      { id: 'product-recs', from: 'product', to: 'recommendations', policy: { timeoutMs: 1000, fallback: 'static' } },
    ],
    faults: [{ id: 'recs-hang', kind: 'hang', target: 'recommendations', label: 'Recommendations hang', startS: 15, durationS: 15 }],
  },
};
