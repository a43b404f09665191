import type { Lesson } from '../types';

export const gatewayAggregation: Lesson = {
  id: 'gateway-aggregation',
  title: 'API gateway aggregation: partial failure and fallback',
  tags: ['communication', 'resilience'],
  summary: 'A product page aggregates three services; without optional parts and fallbacks, any one of them down takes the page down.',
  setup:
    'A mobile app gets a product page from the API gateway in one call; the gateway calls the product, reviews and recommendations services in parallel and merges the answers (aggregation). At 15 s the reviews service crashes for 15 s; at 20 s recommendations crash too, for 5 s.',
  steps: [
    {
      text: 'Run it. Every part is required, so a page fails as soon as any part fails: during the reviews outage no page can be shown, though the product data is fine.',
    },
    {
      text: 'Reviews are nice to have: mark the call optional. The gateway now returns the page without reviews (a degraded, partial answer) when they fail.',
      change: { label: 'Make reviews optional', edits: [{ set: 'edges.gateway-reviews.optional', value: true }] },
      variant: 'optional-reviews',
    },
    {
      text: 'Run again: pages come back while reviews are down, but not while recommendations are down too (20 s to 25 s). Give recommendations a cached fallback: when the call fails the gateway serves the last list it received.',
      change: { label: 'Cached fallback for recommendations', edits: [{ set: 'edges.gateway-recs.policy.fallback', value: 'cached' }] },
      variant: 'fallback',
    },
    {
      text: 'Run once more: every page is served through both outages, degraded where a part was missing. Only the product service is truly required.',
    },
  ],
  takeaway:
    'An aggregating gateway is as available as the product of its required parts. Decide per part what the page can live without, and mark it optional or give it a fallback (static, cached), so a partial failure yields a partial answer instead of an error.',
  claim: {
    text: 'While reviews are down, at most 1% of pages succeed with all parts required; with reviews optional at least 99% succeed until recommendations fail too (20-25 s: at most 1%); with the cached fallback at least 99% succeed throughout, at least 95% of them degraded.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'app', fromS: 15, toS: 30 }, atMost: 0.01 },
      { variant: 'optional-reviews', metric: { kind: 'successRatio', node: 'app', fromS: 15, toS: 20 }, atLeast: 0.99 },
      { variant: 'optional-reviews', metric: { kind: 'successRatio', node: 'app', fromS: 20, toS: 25 }, atMost: 0.01 },
      { variant: 'fallback', metric: { kind: 'successRatio', node: 'app', fromS: 15, toS: 30 }, atLeast: 0.99 },
      { variant: 'fallback', metric: { kind: 'degradedShare', node: 'app', fromS: 15, toS: 30 }, atLeast: 0.95 },
    ],
  },
  reading: ['Chris Richardson, "Microservices Patterns", chapter 8 (API gateway, API composition)', 'Sam Newman, "Building Microservices", chapter on user interfaces (backend for frontend)', 'Michael Nygard, "Release It!", chapter on stability patterns (fail fast, fallbacks)'],
  scenario: {
    title: 'Lesson: gateway aggregation',
    settings: { durationS: 35, seed: 12 },
    nodes: [
      { id: 'app', kind: 'client', label: 'Mobile app', position: { x: 0, y: 160 }, workload: { ratePerSec: 150 } },
      { id: 'gateway', kind: 'gateway', label: 'API gateway', position: { x: 280, y: 160 }, aggregate: true },
      { id: 'product', kind: 'service', label: 'Product', position: { x: 580, y: 20 }, serviceTime: { dist: 'exponential', meanMs: 8 } },
      { id: 'reviews', kind: 'service', label: 'Reviews', position: { x: 580, y: 160 }, serviceTime: { dist: 'exponential', meanMs: 12 } },
      { id: 'recommendations', kind: 'service', label: 'Recommendations', position: { x: 580, y: 300 }, serviceTime: { dist: 'exponential', meanMs: 15 } },
    ],
    edges: [
      { id: 'app-gateway', from: 'app', to: 'gateway', policy: { timeoutMs: 2000 } },
      { id: 'gateway-product', from: 'gateway', to: 'product', policy: { timeoutMs: 500 } },
      { id: 'gateway-reviews', from: 'gateway', to: 'reviews', policy: { timeoutMs: 500 } },
      { id: 'gateway-recs', from: 'gateway', to: 'recommendations', policy: { timeoutMs: 500 } },
    ],
    faults: [
      { id: 'reviews-down', kind: 'crash', target: 'reviews', label: 'Reviews crash', startS: 15, durationS: 15 },
      { id: 'recs-down', kind: 'crash', target: 'recommendations', label: 'Recommendations crash', startS: 20, durationS: 5 },
    ],
  },
};
