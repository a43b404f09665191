import type { Lesson } from '../types';

export const cacheStampede: Lesson = {
  id: 'cache-stampede',
  title: 'A cache flush stampedes the database',
  tags: ['data', 'resilience'],
  summary: 'After a cache flush every request misses at once; the overloaded database fails the very reads that would refill the cache.',
  setup:
    'A product API serves 800 reads a second through a cache of 1,000 products (kept for 10 minutes), in front of a database that can do about 200 queries a second (10 connections, 50 ms a query); up to 1,000 queries may wait for a connection. The cache answers almost everything, so the database idles. Traffic ramps up over the first 20 s, so the cache warms gently. At 30 s a deployment flushes the cache.',
  steps: [
    {
      text: 'Run it. Before the flush almost every read is a hit and the database idles. After it, all 800 reads a second miss at once: four times what the database can do. Its queue fills, a query now waits seconds for a connection, and every read times out (after 300 ms) while the database still works on it. A failed read does not refill the cache, so the misses go on and the system stays down (a stampede that sustains itself).',
    },
    {
      text: 'Protect the database: put a rate limiter on the cache’s reads of the database, 15 every 100 ms (150 a second, below its capacity). Misses beyond that fail at once instead of piling up.',
      change: {
        label: 'Rate-limit cache misses',
        edits: [{ set: 'edges.cache-db.policy.rateLimiter', value: { limitForPeriod: 15, periodMs: 100, maxWaitMs: 0 } }],
      },
      variant: 'limited',
    },
    {
      text: 'Run again. Some reads fail for a few seconds after the flush, but the database stays fast, every read it accepts succeeds and refills the cache, and within seconds the hit ratio is back.',
    },
  ],
  takeaway:
    'A cache hides the true load on the database. When it empties (a flush, a restart, a cold deployment), that load arrives all at once. Protect the database from the misses (limit or coalesce them, warm the cache before taking traffic, stagger expiries), or the cache never refills.',
  claim: {
    text: 'Before the flush at least 99.9% of reads succeed. From 38 s to 50 s at most 20% succeed without protection; with the rate limiter at least 99% do.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'users', fromS: 20, toS: 30 }, atLeast: 0.999 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'users', fromS: 38, toS: 50 }, atMost: 0.2 },
      { variant: 'limited', metric: { kind: 'successRatio', node: 'users', fromS: 38, toS: 50 }, atLeast: 0.99 },
    ],
  },
  reading: ['Facebook, "Scaling Memcache at Facebook" (NSDI 2013): leases against thundering herds', 'AWS Builders’ Library, "Caching challenges and strategies"', 'Google, "Site Reliability Engineering", chapter 22 "Addressing Cascading Failures" (cold caches)'],
  scenario: {
    title: 'Lesson: cache stampede',
    settings: { durationS: 50, seed: 23 },
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 120 },
        workload: { ratePerSec: 800, phases: [{ kind: 'ramp', durationS: 20, fromPerSec: 100, toPerSec: 800 }] },
      },
      { id: 'api', kind: 'service', label: 'Product API', position: { x: 260, y: 120 }, workers: 128, queue: { capacity: 500 }, serviceTime: { dist: 'exponential', meanMs: 2 } },
      { id: 'cache', kind: 'cache', label: 'Product cache', position: { x: 520, y: 120 }, keyspace: { keys: 1000, ttlS: 600, capacity: 1000 } },
      {
        id: 'db',
        kind: 'database',
        label: 'Product DB',
        position: { x: 780, y: 120 },
        workers: 10,
        queue: { capacity: 1000 },
        writePercent: 0,
        readLatency: { dist: 'exponential', meanMs: 50 },
      },
    ],
    edges: [
      { id: 'users-api', from: 'users', to: 'api', policy: { timeoutMs: 1000 } },
      { id: 'api-cache', from: 'api', to: 'cache', policy: { timeoutMs: 500 } },
      { id: 'cache-db', from: 'cache', to: 'db', policy: { timeoutMs: 300 } },
    ],
    faults: [{ id: 'flush', kind: 'cacheFlush', target: 'cache', label: 'Deployment flushes the cache', startS: 30, durationS: 1 }],
  },
};
