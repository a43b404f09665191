import type { Lesson } from '../types';

export const metastableFailure: Lesson = {
  id: 'metastable-failure',
  title: 'Metastable failure: retries keep the system down',
  tags: ['resilience'],
  summary: 'A 5-second slowdown tips a healthy service into an overload that retries sustain long after the trigger is gone.',
  setup:
    'An API with 10 workers serves requests in about 10 ms: it can handle 1,000 requests a second and gets 700, so it runs at 70%. Its clients give up after 300 ms and retry twice. Requests wait in a deep queue (1,000 places), and work whose caller has gone still runs to the end. At 10 s a slow garbage collection triples the service time for 5 s.',
  steps: [
    {
      text: 'Run it. During the slowdown the queue fills and waits pass 300 ms, so clients time out and retry: up to three attempts for every request, 2,100 a second against a capacity of 1,000.',
    },
    {
      text: 'Look after 15 s, when the slowdown is over: the system does not recover. Every request now waits a second in the queue, its client has already given up, so the work is wasted and the retries keep the queue full. The trigger is gone; the retries are the failure now.',
    },
    {
      text: 'Give the client’s retries a budget: at most 10% of first attempts (plus one a second) may be retried, over a 10 s window.',
      change: { label: 'Add a retry budget', edits: [{ set: 'edges.clients-api.policy.retry.budget', value: { ratioPercent: 10, minPerSec: 1 } }] },
      variant: 'budget',
    },
    {
      text: 'Run again. The load can now exceed the first attempts by at most 10% (about 770 a second), below the capacity, so the queue drains a few seconds after the trigger ends and the system recovers by itself.',
    },
  ],
  takeaway:
    'A metastable failure is one that outlives its trigger: the recovery mechanism (retries) becomes the load that keeps the system down. Bound the retries (a budget), shed work that nobody waits for, and do not size queues longer than your time-outs.',
  claim: {
    text: 'Healthy before the trigger (at least 99% success), the service stays down after it: from 25 s to 40 s at most 10% of requests succeed. With a retry budget at least 95% succeed in the same window.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'clients', fromS: 2, toS: 10 }, atLeast: 0.99 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'clients', fromS: 25, toS: 40 }, atMost: 0.1 },
      { variant: 'budget', metric: { kind: 'successRatio', node: 'clients', fromS: 25, toS: 40 }, atLeast: 0.95 },
    ],
  },
  reading: [
    'Bronson et al., "Metastable Failures in Distributed Systems" (HotOS 2021)',
    'Google, "Site Reliability Engineering", chapter 22 "Addressing Cascading Failures"',
    'AWS Builders’ Library, "Timeouts, retries, and backoff with jitter"',
  ],
  scenario: {
    title: 'Lesson: metastable failure',
    settings: { durationS: 40, seed: 21 },
    nodes: [
      { id: 'clients', kind: 'client', label: 'Clients', position: { x: 0, y: 120 }, workload: { ratePerSec: 700 } },
      {
        id: 'api',
        kind: 'service',
        label: 'API',
        position: { x: 300, y: 120 },
        workers: 10,
        queue: { capacity: 1000 },
        serviceTime: { dist: 'exponential', meanMs: 10 },
      },
    ],
    edges: [
      {
        id: 'clients-api',
        from: 'clients',
        to: 'api',
        policy: { timeoutMs: 300, retry: { maxAttempts: 3, backoff: 'fixed', baseMs: 50, jitter: 'full' } },
      },
    ],
    faults: [{ id: 'gc-pause', kind: 'latency', target: 'api', label: 'Slow GC: 3x service time', startS: 10, durationS: 5, factor: 3 }],
  },
};
