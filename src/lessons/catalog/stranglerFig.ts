import type { Lesson } from '../types';

const route = (label: string, toMonolith: number, toOrders: number) => ({
  label,
  edits: [
    { set: 'edges.proxy-monolith.callPercent', value: toMonolith },
    { set: 'edges.proxy-orders.callPercent', value: toOrders },
  ],
});

export const stranglerFig: Lesson = {
  id: 'strangler-fig',
  title: 'Strangler fig: moving traffic step by step',
  tags: ['decomposition'],
  summary: 'Extract the ordering context from a monolith behind a routing proxy: a canary first, then half, then all of it.',
  setup:
    'A monolith (10 workers, 30 ms a request) serves the catalog to browsers, 200 requests a second, and orders, 100 a second, which arrive through a routing proxy. It runs hot, at 90% utilisation. The team has built a new order service for the ordering context, and it still has a bug: it fails 10% of requests. The proxy sends all orders to the monolith for now.',
  steps: [
    {
      text: 'Run it: the baseline. Note the catalog’s latency: at 90% utilisation the monolith’s requests wait in its queue.',
    },
    {
      text: 'Canary: route 10% of orders to the new service. Its bug now shows in its own metrics (about one call in ten fails) but touches only 1% of orders, small enough to notice and roll back.',
      change: route('Route 10% of orders to the new service', 90, 10),
      variant: 'canary',
    },
    {
      text: 'Fix the bug and move half of the orders.',
      change: {
        label: 'Fix the bug, route 50%',
        edits: [{ set: 'nodes.orders.errorPercent', value: 0 }, ...route('', 50, 50).edits],
      },
      variant: 'half',
    },
    {
      text: 'Move all orders. The monolith now serves only the catalog, so it has spare capacity and the catalog gets faster too. The last step (not simulated) is to delete the ordering code from the monolith.',
      change: route('Route all orders to the new service', 0, 100),
      variant: 'moved',
    },
  ],
  takeaway:
    'Do not rewrite a monolith in one go. Put a proxy in front, carve out one bounded context at a time, move its traffic gradually (canary, then a share, then all) with a way back at every step, and retire the old code only when nothing calls it.',
  claim: {
    text: 'With the canary, the new service fails at least 7% of its calls but at least 98% of orders succeed. At 50% and 100% at least 99.9% succeed; with all orders moved nothing reaches the monolith’s ordering code, and the catalog’s mean latency falls from at least 40 ms to at most 34 ms.',
    checks: [
      { variant: 'base', metric: { kind: 'meanLatencyMs', node: 'browsers', fromS: 5 }, atLeast: 40 },
      { variant: 'canary', metric: { kind: 'edgeSuccessRatio', edge: 'proxy-orders' }, atMost: 0.93 },
      { variant: 'canary', metric: { kind: 'successRatio', node: 'shoppers' }, atLeast: 0.98 },
      { variant: 'half', metric: { kind: 'successRatio', node: 'shoppers' }, atLeast: 0.999 },
      { variant: 'moved', metric: { kind: 'successRatio', node: 'shoppers' }, atLeast: 0.999 },
      { variant: 'moved', metric: { kind: 'edgeAttempts', edge: 'proxy-monolith' }, atMost: 0 },
      { variant: 'moved', metric: { kind: 'meanLatencyMs', node: 'browsers', fromS: 5 }, atMost: 34 },
    ],
  },
  reading: ['Martin Fowler, "StranglerFigApplication" (martinfowler.com)', 'Sam Newman, "Monolith to Microservices", chapter 3 (strangler fig, branch by abstraction)', 'Martin Fowler, "MonolithFirst" (martinfowler.com)'],
  scenario: {
    title: 'Lesson: strangler fig',
    settings: { durationS: 40, seed: 31 },
    nodes: [
      { id: 'browsers', kind: 'client', label: 'Catalog browsers', position: { x: 0, y: 300 }, workload: { ratePerSec: 200 } },
      { id: 'shoppers', kind: 'client', label: 'Shoppers (orders)', position: { x: 0, y: 60 }, workload: { ratePerSec: 100 } },
      { id: 'proxy', kind: 'gateway', label: 'Routing proxy', position: { x: 260, y: 60 } },
      { id: 'monolith', kind: 'service', label: 'Monolith', position: { x: 540, y: 240 }, workers: 10, queue: { capacity: 1000 }, serviceTime: { dist: 'exponential', meanMs: 30 } },
      { id: 'orders', kind: 'service', label: 'New order service', group: 'ordering', position: { x: 540, y: 0 }, workers: 16, errorPercent: 10, serviceTime: { dist: 'exponential', meanMs: 20 } },
    ],
    groups: [{ id: 'ordering', label: 'Ordering context' }],
    edges: [
      { id: 'browsers-monolith', from: 'browsers', to: 'monolith', policy: { timeoutMs: 5000 } },
      { id: 'shoppers-proxy', from: 'shoppers', to: 'proxy', policy: { timeoutMs: 5000 } },
      { id: 'proxy-monolith', from: 'proxy', to: 'monolith', callPercent: 100, policy: { timeoutMs: 4000 } },
      { id: 'proxy-orders', from: 'proxy', to: 'orders', callPercent: 0, policy: { timeoutMs: 4000 } },
    ],
  },
};
