import type { ScenarioInput } from './scenario';

/**
 * The scenario that opens on first start: an e-commerce checkout with a database per service,
 * notifications through a queue, and a slow payment database 20 s into the run.
 */
export const CHECKOUT_SCENARIO: ScenarioInput = {
  title: 'E-commerce checkout',
  metadata: {
    description:
      'Shoppers place orders through a gateway. The order service reserves stock, takes payment and publishes an event that the notification service consumes. 20 s in, the payment database slows down ten-fold for 15 s.',
    tags: ['example', 'checkout'],
  },
  settings: { durationS: 60, seed: 42 },
  groups: [
    { id: 'ordering', label: 'Ordering' },
    { id: 'payments', label: 'Payments' },
    { id: 'stock', label: 'Inventory' },
    { id: 'messaging', label: 'Notifications' },
  ],
  nodes: [
    { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 260 }, workload: { ratePerSec: 200 } },
    { id: 'api-gateway', kind: 'gateway', label: 'API gateway', position: { x: 240, y: 260 }, workers: 128 },
    {
      id: 'order-service',
      kind: 'service',
      label: 'Order service',
      group: 'ordering',
      position: { x: 500, y: 260 },
      replicas: 3,
      workers: 24,
      serviceTime: { dist: 'lognormal', medianMs: 8, p99Ms: 40 },
    },
    { id: 'orders-db', kind: 'database', label: 'Orders DB', group: 'ordering', position: { x: 500, y: 440 } },
    {
      id: 'payment-service',
      kind: 'service',
      label: 'Payment service',
      group: 'payments',
      position: { x: 780, y: 60 },
      replicas: 2,
      workers: 32,
      serviceTime: { dist: 'lognormal', medianMs: 10, p99Ms: 60 },
    },
    { id: 'payment-db', kind: 'database', label: 'Payment DB', group: 'payments', position: { x: 1040, y: 0 }, workers: 8 },
    {
      id: 'card-network',
      kind: 'external',
      label: 'Card network',
      position: { x: 1040, y: 140 },
      latency: { dist: 'lognormal', medianMs: 80, p99Ms: 400 },
      errorPercent: 0.5,
    },
    {
      id: 'inventory-service',
      kind: 'service',
      label: 'Inventory service',
      group: 'stock',
      position: { x: 780, y: 320 },
      replicas: 2,
      workers: 16,
      serviceTime: { dist: 'exponential', meanMs: 6 },
    },
    { id: 'inventory-db', kind: 'database', label: 'Inventory DB', group: 'stock', position: { x: 1040, y: 320 } },
    { id: 'order-events', kind: 'queue', label: 'Order events', group: 'messaging', position: { x: 780, y: 560 } },
    {
      id: 'notification-service',
      kind: 'service',
      label: 'Notification service',
      group: 'messaging',
      position: { x: 1040, y: 560 },
      workers: 8,
      serviceTime: { dist: 'exponential', meanMs: 15 },
    },
    { id: 'notifications-db', kind: 'database', label: 'Notifications DB', group: 'messaging', position: { x: 1300, y: 560 } },
  ],
  edges: [
    { id: 'shoppers-gateway', from: 'shoppers', to: 'api-gateway', policy: { timeoutMs: 5000 } },
    { id: 'gateway-order', from: 'api-gateway', to: 'order-service', policy: { timeoutMs: 3000 } },
    { id: 'order-db', from: 'order-service', to: 'orders-db', policy: { timeoutMs: 500 } },
    {
      id: 'order-inventory',
      from: 'order-service',
      to: 'inventory-service',
      policy: {
        timeoutMs: 500,
        retry: { maxAttempts: 2, backoff: 'exponential', baseMs: 50, maxMs: 1000, jitter: 'full' },
      },
    },
    { id: 'inventory-db-edge', from: 'inventory-service', to: 'inventory-db', policy: { timeoutMs: 300 } },
    {
      id: 'order-payment',
      from: 'order-service',
      to: 'payment-service',
      policy: {
        timeoutMs: 1500,
        circuitBreaker: { minimumNumberOfCalls: 20, windowSize: 50, waitDurationInOpenStateMs: 10_000 },
      },
    },
    { id: 'payment-db-edge', from: 'payment-service', to: 'payment-db', policy: { timeoutMs: 1000 } },
    { id: 'payment-card', from: 'payment-service', to: 'card-network', policy: { timeoutMs: 2000 } },
    { id: 'order-publish', from: 'order-service', to: 'order-events', kind: 'async', policy: { timeoutMs: 200 } },
    { id: 'events-notify', from: 'order-events', to: 'notification-service', kind: 'async' },
    { id: 'notify-db', from: 'notification-service', to: 'notifications-db', policy: { timeoutMs: 500 } },
  ],
  faults: [{ id: 'slow-payment-db', kind: 'latency', target: 'payment-db', startS: 20, durationS: 15, factor: 10 }],
};

/** A blank scenario: one client, nothing else. */
export const BLANK_SCENARIO: ScenarioInput = {
  title: 'Untitled scenario',
  nodes: [{ id: 'client', kind: 'client', label: 'Client', position: { x: 0, y: 0 } }],
};
