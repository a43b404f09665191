import type { Lesson } from '../types';

export const chattyServices: Lesson = {
  id: 'chatty-services',
  title: 'Chatty services: twenty calls where one would do',
  tags: ['decomposition', 'communication'],
  summary: 'A cart asks the pricing service for one item at a time; each call adds latency and a chance to fail.',
  setup:
    'Pricing was split into its own service, so the cart service now asks it for the price of each item, one call per item, one after the other: 20 calls for a cart of 20 items. Each call costs about 2 ms on the network and 3 ms of work, and the pricing service fails 1% of calls (a flaky dependency of its own).',
  steps: [
    {
      text: 'Run it. A cart takes at least 20 round trips, and a cart fails if any of its 20 calls fails: 1 − 0.99²⁰, about one cart in six.',
    },
    {
      text: 'Add a batch API: one call with all 20 items. The call does more work (10 ms), but there is one round trip and one chance to fail.',
      change: {
        label: 'Use a batch call',
        edits: [
          { set: 'edges.cart-pricing.count', value: 1 },
          { set: 'nodes.pricing.serviceTime', value: { dist: 'exponential', meanMs: 10 } },
        ],
      },
      variant: 'batched',
    },
    {
      text: 'Run again and compare latency, failures and the pricing service’s arrivals. If two services must talk this much, ask whether the boundary between them is in the right place.',
    },
  ],
  takeaway:
    'Every remote call adds latency and a way to fail, and over a chain of calls the availabilities multiply. Fine-grained services that must call each other many times per request are a sign of a wrong boundary (nanoservices); batch, cache, or merge them.',
  claim: {
    text: 'With one call per item a cart takes at least 85 ms on average (100 ms when all 20 calls succeed) and at most 86% of carts succeed; with a batch call a cart takes at most 25 ms and at least 98% succeed, with one call to pricing per cart instead of 20.',
    checks: [
      { variant: 'base', metric: { kind: 'meanLatencyMs', node: 'shoppers' }, atLeast: 85 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers' }, atMost: 0.86 },
      { variant: 'base', metric: { kind: 'arrivalsPerRequest', node: 'pricing', per: 'shoppers' }, atLeast: 15 },
      { variant: 'batched', metric: { kind: 'meanLatencyMs', node: 'shoppers' }, atMost: 25 },
      { variant: 'batched', metric: { kind: 'successRatio', node: 'shoppers' }, atLeast: 0.98 },
      { variant: 'batched', metric: { kind: 'arrivalsPerRequest', node: 'pricing', per: 'shoppers' }, atMost: 1.01 },
    ],
  },
  reading: ['Sam Newman, "Building Microservices", chapter on modelling services (service boundaries)', 'Chris Richardson, "Microservices Patterns", chapter 2 (decomposition strategies)', 'Martin Fowler, "MicroservicePrerequisites" (martinfowler.com)'],
  scenario: {
    title: 'Lesson: chatty services',
    settings: { durationS: 30, seed: 29 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 120 }, workload: { ratePerSec: 50 } },
      { id: 'cart', kind: 'service', label: 'Cart service', position: { x: 280, y: 120 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 3 } },
      { id: 'pricing', kind: 'service', label: 'Pricing service', position: { x: 560, y: 120 }, workers: 16, errorPercent: 1, serviceTime: { dist: 'exponential', meanMs: 3 } },
    ],
    edges: [
      { id: 'shoppers-cart', from: 'shoppers', to: 'cart', policy: { timeoutMs: 3000 } },
      { id: 'cart-pricing', from: 'cart', to: 'pricing', count: 20, latency: { dist: 'constant', valueMs: 2 }, policy: { timeoutMs: 500 } },
    ],
  },
};
