import type { Lesson } from '../types';

const call = (id: string, from: string, to: string, timeoutMs = 1000) => ({ id, from, to, policy: { timeoutMs } });

export const saga: Lesson = {
  id: 'saga',
  title: 'A saga with compensation: orchestration vs choreography',
  tags: ['data'],
  summary: 'An order spans three services with no shared transaction; failed orders are undone step by step.',
  setup:
    'Placing an order reserves stock, charges the card and books a shipment, each in its own service with its own database. There is no transaction across them, so the order service runs them as a saga: when a step fails, the steps already done are compensated in reverse order (release the stock, refund the card). Shipping refuses 20% of bookings (an address it cannot serve).',
  steps: [
    {
      text: 'Run the orchestrated saga. The order service coordinates every step and holds the request until the saga ends: the customer waits for all three steps and learns the outcome, so about one order in five fails, and its stock and payment are given back.',
    },
    {
      text: 'Switch to choreography: the order service answers once its own work is done and the steps follow each other by events. The customer gets a fast answer; the saga’s outcome arrives later (an email), and the compensations still run.',
      change: { label: 'Switch to choreography', edits: [{ set: 'nodes.orders.saga.coordination', value: 'choreography' }] },
      variant: 'choreography',
    },
    {
      text: 'Now the payment provider’s refunds fail half of the time. A compensation that fails leaves the saga inconsistent: the stock is released but the customer was charged. Count the inconsistent sagas.',
      change: { label: 'Make refunds fail half the time', edits: [{ add: 'faults', item: { id: 'refunds-flaky', kind: 'abort', target: 'refund', label: 'Refunds fail 50%', startS: 0, durationS: 60, percent: 50 } }] },
      variant: 'flaky-refunds',
    },
    {
      text: 'Compensations must be retried until they succeed (and so be idempotent). Retry the refund up to 8 times, with exponential backoff, and count again.',
      change: { label: 'Retry refunds', edits: [{ set: 'edges.refund.policy.retry', value: { maxAttempts: 8, backoff: 'exponential', baseMs: 50 } }] },
      variant: 'retried-refunds',
    },
  ],
  takeaway:
    'A saga replaces a distributed transaction with local steps and compensations. Orchestration keeps the flow in one place and the caller informed; choreography answers faster and couples less but hides the outcome. Either way compensations must be retried until they succeed, or the data stays inconsistent.',
  claim: {
    text: 'Orchestrated, at most 85% of orders succeed and they take at least 60 ms; choreographed, at least 99.9% of requests are answered successfully in at most 20 ms. With refunds failing half the time at least 60 sagas end inconsistent; retrying the refund brings that to at most 5.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'customers' }, atMost: 0.85 },
      { variant: 'base', metric: { kind: 'meanLatencyMs', node: 'customers' }, atLeast: 60 },
      { variant: 'base', metric: { kind: 'inconsistentSagas' }, atMost: 0 },
      { variant: 'base', metric: { kind: 'edgeAttempts', edge: 'refund' }, atLeast: 100 },
      { variant: 'choreography', metric: { kind: 'successRatio', node: 'customers' }, atLeast: 0.999 },
      { variant: 'choreography', metric: { kind: 'meanLatencyMs', node: 'customers' }, atMost: 20 },
      { variant: 'choreography', metric: { kind: 'edgeAttempts', edge: 'refund' }, atLeast: 100 },
      { variant: 'flaky-refunds', metric: { kind: 'inconsistentSagas' }, atLeast: 60 },
      { variant: 'retried-refunds', metric: { kind: 'inconsistentSagas' }, atMost: 5 },
    ],
  },
  reading: [
    'Chris Richardson, "Microservices Patterns", chapter 4 "Managing transactions with sagas"',
    'Hector Garcia-Molina and Kenneth Salem, "Sagas" (SIGMOD 1987)',
    'Sam Newman, "Building Microservices", chapter on workflow (sagas)',
  ],
  scenario: {
    title: 'Lesson: saga with compensation',
    settings: { durationS: 30, seed: 6 },
    nodes: [
      { id: 'customers', kind: 'client', label: 'Customers', position: { x: 0, y: 240 }, workload: { ratePerSec: 50 } },
      {
        id: 'orders',
        kind: 'service',
        label: 'Order service',
        position: { x: 280, y: 240 },
        workers: 64,
        serviceTime: { dist: 'exponential', meanMs: 5 },
        saga: {
          coordination: 'orchestration',
          steps: [
            { action: 'reserve', compensation: 'release' },
            { action: 'charge', compensation: 'refund' },
            { action: 'ship', compensation: null },
          ],
        },
      },
      { id: 'inventory', kind: 'service', label: 'Inventory', position: { x: 600, y: 0 }, serviceTime: { dist: 'exponential', meanMs: 15 } },
      { id: 'payments', kind: 'service', label: 'Payments', position: { x: 600, y: 240 }, serviceTime: { dist: 'exponential', meanMs: 25 } },
      { id: 'stock-release', kind: 'service', label: 'Inventory: release', position: { x: 600, y: 120 }, serviceTime: { dist: 'exponential', meanMs: 10 } },
      { id: 'refunds', kind: 'service', label: 'Payments: refund', position: { x: 600, y: 360 }, serviceTime: { dist: 'exponential', meanMs: 20 } },
      { id: 'shipping', kind: 'service', label: 'Shipping', position: { x: 600, y: 480 }, serviceTime: { dist: 'exponential', meanMs: 20 }, errorPercent: 20 },
    ],
    edges: [
      { id: 'customers-orders', from: 'customers', to: 'orders', policy: { timeoutMs: 3000 } },
      call('reserve', 'orders', 'inventory'),
      call('release', 'orders', 'stock-release'),
      call('charge', 'orders', 'payments'),
      call('refund', 'orders', 'refunds'),
      call('ship', 'orders', 'shipping'),
    ],
  },
};
