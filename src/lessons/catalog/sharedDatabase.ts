import type { Lesson } from '../types';

export const sharedDatabase: Lesson = {
  id: 'shared-database',
  title: 'A shared database couples two services',
  tags: ['data', 'decomposition'],
  summary: 'A reporting job saturates the database that orders also use; a database per service keeps them apart.',
  setup:
    'The order service and the reporting service were split from one application but still share its database (10 connections, about 5 ms a query). Orders need one query each, 200 a second; a report runs 20 queries at once, 5 reports a second. Like most databases it slows down when it is busy (lock and cache contention past 70% utilisation). At 15 s the finance team runs the month-end reports: twenty times the usual reporting traffic, for 10 s.',
  steps: [
    {
      text: 'Run it. The reports take every connection of the shared database; order queries queue behind them and time out. A team that changed nothing sees its service fail: the two services are separate only on the diagram.',
    },
    {
      text: 'Give reporting its own database (in practice a read replica or a reporting store fed by events), so that each service owns its data.',
      change: {
        label: 'Give reporting its own database',
        edits: [
          { add: 'nodes', item: { id: 'reporting-db', kind: 'database', label: 'Reporting DB', position: { x: 560, y: 300 }, workers: 10, writePercent: 0, readLatency: { dist: 'exponential', meanMs: 5 }, loadLatency: { kneeUtilisationPercent: 70, maxSlowdownFactor: 4 } } },
          { set: 'edges.reporting-queries.to', value: 'reporting-db' },
        ],
      },
      variant: 'own-database',
    },
    {
      text: 'Run again. Month-end now overwhelms only the reporting database (the reports still need capacity planning of their own); orders do not notice.',
    },
  ],
  takeaway:
    'Sharing a database couples services at run time (they compete for the same connections, locks and disk) and at change time (a schema change breaks both). Give each service its own data store and share data through APIs or events.',
  claim: {
    text: 'During month-end at most 50% of orders succeed with the shared database; with a database per service at least 99.9% do.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 2, toS: 15 }, atLeast: 0.999 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'shoppers', fromS: 16, toS: 25 }, atMost: 0.5 },
      { variant: 'own-database', metric: { kind: 'successRatio', node: 'shoppers', fromS: 16, toS: 25 }, atLeast: 0.999 },
    ],
  },
  reading: ['Chris Richardson, "Microservices Patterns", chapter 2 (Database per service)', 'Sam Newman, "Building Microservices", chapter on splitting the database', 'Eric Evans, "Domain-Driven Design" (bounded contexts own their model)'],
  scenario: {
    title: 'Lesson: shared database',
    settings: { durationS: 35, seed: 14 },
    nodes: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', position: { x: 0, y: 40 }, workload: { ratePerSec: 200 } },
      { id: 'analysts', kind: 'client', label: 'Analysts', position: { x: 0, y: 300 }, workload: { ratePerSec: 5 } },
      { id: 'orders', kind: 'service', label: 'Order service', position: { x: 280, y: 40 }, workers: 32, serviceTime: { dist: 'exponential', meanMs: 4 } },
      { id: 'reporting', kind: 'service', label: 'Reporting service', position: { x: 280, y: 300 }, workers: 64, callMode: 'parallel', serviceTime: { dist: 'exponential', meanMs: 4 } },
      { id: 'shared-db', kind: 'database', label: 'Shared DB', position: { x: 560, y: 160 }, workers: 10, writePercent: 0, readLatency: { dist: 'exponential', meanMs: 5 }, loadLatency: { kneeUtilisationPercent: 70, maxSlowdownFactor: 4 } },
    ],
    edges: [
      { id: 'shoppers-orders', from: 'shoppers', to: 'orders', policy: { timeoutMs: 2000 } },
      { id: 'analysts-reporting', from: 'analysts', to: 'reporting', policy: { timeoutMs: 30000 } },
      { id: 'order-queries', from: 'orders', to: 'shared-db', policy: { timeoutMs: 200 } },
      { id: 'reporting-queries', from: 'reporting', to: 'shared-db', count: 20, policy: { timeoutMs: 2000 } },
    ],
    faults: [{ id: 'month-end', kind: 'trafficSpike', target: 'analysts', label: 'Month-end reports', startS: 15, durationS: 10, factor: 20 }],
  },
};
