import type { Lesson } from '../types';

const retry = { maxAttempts: 3, backoff: 'fixed', baseMs: 10 } as const;

export const retryStorm: Lesson = {
  id: 'retry-storm',
  title: 'Retry storms: amplification across layers',
  tags: ['resilience'],
  summary: 'Three attempts at each of four layers turn one failing request into 81 calls to the database.',
  setup:
    'Shoppers call a gateway, which calls the order service, which calls inventory, which reads the inventory database. Every one of the four calls retries up to 3 times, as each team added retries "to be safe". At 10 s the database starts failing every query for 10 s.',
  steps: [
    {
      text: 'Run it and look at the database’s arrivals during the outage, and at the amplification in the results (arrivals per client request). Each layer multiplies the attempts of the layer above: 3 × 3 × 3 × 3 = 81. None of it helps: the database is down.',
    },
    {
      text: 'Retry at one layer only: keep the retries next to the database (inventory’s call) and remove them from the other three calls.',
      change: {
        label: 'Retry at one layer',
        edits: [
          { set: 'edges.shoppers-gateway.policy.retry', value: null },
          { set: 'edges.gateway-orders.policy.retry', value: null },
          { set: 'edges.orders-inventory.policy.retry', value: null },
        ],
      },
      variant: 'one-layer',
    },
    {
      text: 'Now give that retry a budget: retries may add at most 10% to the first attempts (plus one per second), so a long outage cannot triple the load.',
      change: {
        label: 'Add a retry budget',
        edits: [{ set: 'edges.inventory-query.policy.retry.budget', value: { ratioPercent: 10, minPerSec: 1 } }],
      },
      variant: 'budget',
    },
    {
      text: 'Run both variants and compare the database’s arrivals during the outage: 81 per request, then 3, then little more than 1.',
    },
  ],
  takeaway:
    'Retries multiply across layers. Retry in one place (usually nearest the failing dependency), make the other layers fail fast, and cap retries with a budget so that they help with a blip but cannot multiply the load of an outage.',
  claim: {
    text: 'During the outage the database receives at least 60 calls per client request with retries at every layer, at most 3.05 with retries at one layer, and at most 1.5 with a budget; with none of them do more than 1% of requests succeed.',
    checks: [
      { variant: 'base', metric: { kind: 'arrivalsPerRequest', node: 'inventory-db', per: 'shoppers', fromS: 11, toS: 19 }, atLeast: 60 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 11, toS: 19 }, atMost: 0.01 },
      { variant: 'one-layer', metric: { kind: 'arrivalsPerRequest', node: 'inventory-db', per: 'shoppers', fromS: 11, toS: 19 }, atMost: 3.05 },
      { variant: 'budget', metric: { kind: 'arrivalsPerRequest', node: 'inventory-db', per: 'shoppers', fromS: 11, toS: 19 }, atMost: 1.5 },
      { variant: 'budget', metric: { kind: 'successRatio', node: 'shoppers', fromS: 21, toS: 30 }, atLeast: 0.99 },
    ],
  },
  reading: ['Google, "Site Reliability Engineering", chapter 22 "Addressing Cascading Failures"', 'AWS Builders’ Library, "Timeouts, retries, and backoff with jitter"', 'Finagle documentation, RetryBudget'],
  scenario: {
    title: 'Lesson: retry storm',
    settings: { durationS: 30, seed: 3 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 120 }, workload: { ratePerSec: 20 } },
      { id: 'gateway', kind: 'gateway', label: 'Gateway', position: { x: 260, y: 120 } },
      { id: 'orders', kind: 'service', label: 'Orders', position: { x: 520, y: 120 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 5 } },
      { id: 'inventory', kind: 'service', label: 'Inventory', position: { x: 780, y: 120 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 3 } },
      { id: 'inventory-db', kind: 'database', label: 'Inventory DB', position: { x: 1040, y: 120 }, workers: 40, writePercent: 0 },
    ],
    edges: [
      { id: 'shoppers-gateway', from: 'shoppers', to: 'gateway', policy: { timeoutMs: 10000, retry } },
      { id: 'gateway-orders', from: 'gateway', to: 'orders', policy: { timeoutMs: 5000, retry } },
      { id: 'orders-inventory', from: 'orders', to: 'inventory', policy: { timeoutMs: 2000, retry } },
      { id: 'inventory-query', from: 'inventory', to: 'inventory-db', policy: { timeoutMs: 500, retry } },
    ],
    faults: [{ id: 'db-errors', kind: 'error', target: 'inventory-db', label: 'Database fails every query', startS: 10, durationS: 10, percent: 100 }],
  },
};
