import type { Lesson } from '../types';

const service = (id: string, label: string, x: number, workers: number) => ({
  id,
  kind: 'service' as const,
  label,
  position: { x, y: 120 },
  workers,
  serviceTime: { dist: 'exponential' as const, meanMs: 8 },
});

export const synchronousChain: Lesson = {
  id: 'synchronous-chain',
  title: 'A synchronous chain: latency adds up, one slow leaf takes it down',
  tags: ['communication', 'resilience'],
  summary: 'Four services call each other in a line; the slowest hop sets everyone’s pace, and a slow leaf stalls the whole chain.',
  setup:
    'An order travels storefront → orders → billing → receipts, each a synchronous call that waits for the next. Every hop takes about 8 ms of work plus 2 ms on the network. At 15 s the receipts service (the last hop, which only renders a receipt) slows down twenty-fold for 15 s.',
  steps: [
    {
      text: 'Run it and compare the end-to-end latency (on the Shoppers node) with the receipts service’s own latency: every hop’s time is added to the request, because each caller waits for the whole chain below it.',
    },
    {
      text: 'Watch what happens at 15 s. Receipts can no longer keep up, its queue fills, billing’s workers wait on it, then orders’, then the storefront’s: a problem in the least important service fails every order.',
    },
    {
      text: 'Nobody needs the receipt to complete the order. Send it asynchronously: billing publishes a message to a queue and the receipts service consumes it at its own pace.',
      change: {
        label: 'Send receipts through a queue',
        edits: [
          { remove: 'edges', id: 'billing-receipts' },
          { add: 'nodes', item: { id: 'receipt-jobs', kind: 'queue', label: 'Receipt jobs', position: { x: 1040, y: 280 }, visibilityTimeoutMs: 10000 } },
          { add: 'edges', item: { id: 'billing-jobs', from: 'billing', to: 'receipt-jobs', kind: 'async', policy: { timeoutMs: 200 } } },
          { add: 'edges', item: { id: 'jobs-receipts', from: 'receipt-jobs', to: 'receipts', kind: 'async' } },
        ],
      },
      variant: 'async-leaf',
    },
    {
      text: 'Run again. The orders keep flowing during the slowdown; the backlog waits in the queue instead (watch its depth) and drains once receipts recover.',
    },
  ],
  takeaway:
    'In a synchronous chain latencies add up and availabilities multiply: the chain is as slow as the sum of its hops and as fragile as its weakest one. Keep the synchronous path short and move work that the caller does not need to wait for behind a queue.',
  claim: {
    text: 'Before the slowdown the chain’s mean latency is at least 35 ms (four hops of about 10 ms). During it, at most 50% of orders succeed; with receipts behind a queue at least 99% do, while the queue holds a backlog of hundreds.',
    checks: [
      { variant: 'base', metric: { kind: 'meanLatencyMs', node: 'shoppers', fromS: 2, toS: 15 }, atLeast: 35 },
      { variant: 'base', metric: { kind: 'meanLatencyMs', node: 'receipts', fromS: 2, toS: 15 }, atMost: 12 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 15, toS: 30 }, atMost: 0.5 },
      { variant: 'async-leaf', metric: { kind: 'successRatio', node: 'shoppers', fromS: 15, toS: 30 }, atLeast: 0.99 },
      { variant: 'async-leaf', metric: { kind: 'peakQueueDepth', node: 'receipt-jobs' }, atLeast: 200 },
    ],
  },
  reading: ['Sam Newman, "Building Microservices", chapter on communication styles', 'Chris Richardson, "Microservices Patterns", chapter 3 (interprocess communication)', 'Michael Nygard, "Release It!", stability antipatterns: cascading failures'],
  scenario: {
    title: 'Lesson: a synchronous chain',
    settings: { durationS: 40, seed: 5 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 120 }, workload: { ratePerSec: 150 } },
      service('storefront', 'Storefront', 260, 32),
      service('orders', 'Orders', 520, 32),
      service('billing', 'Billing', 780, 32),
      service('receipts', 'Receipts', 1040, 10),
    ],
    edges: [
      { id: 'shoppers-storefront', from: 'shoppers', to: 'storefront', latency: { dist: 'constant', valueMs: 2 }, policy: { timeoutMs: 2000 } },
      { id: 'storefront-orders', from: 'storefront', to: 'orders', latency: { dist: 'constant', valueMs: 2 }, policy: { timeoutMs: 1500 } },
      { id: 'orders-billing', from: 'orders', to: 'billing', latency: { dist: 'constant', valueMs: 2 }, policy: { timeoutMs: 1000 } },
      { id: 'billing-receipts', from: 'billing', to: 'receipts', latency: { dist: 'constant', valueMs: 2 }, policy: { timeoutMs: 800 } },
    ],
    faults: [{ id: 'slow-receipts', kind: 'latency', target: 'receipts', label: 'Receipts 20x slower', startS: 15, durationS: 15, factor: 20 }],
  },
};
