import type { Lesson } from '../types';

export const loadShedding: Lesson = {
  id: 'load-shedding',
  title: 'Load shedding protects goodput',
  tags: ['resilience'],
  summary: 'Under overload a deep FIFO queue serves only requests whose callers have given up; shedding old requests keeps the useful throughput.',
  setup:
    'A search API can serve 200 requests a second (10 workers, 50 ms each) and normally gets 150. Its queue holds 5,000 requests, first in, first out. Clients give up after 1 s. At 10 s a traffic surge doubles the load for 20 s.',
  steps: [
    {
      text: 'Run it and watch goodput (successful requests a second) rather than throughput. The queue grows by 100 requests a second; after a few seconds every request waits longer than 1 s, so the API works at full speed on answers nobody is waiting for, and goodput falls to almost nothing.',
    },
    {
      text: 'Shed load: drop a request that has waited more than 500 ms in the queue, since its client is about to give up anyway.',
      change: { label: 'Drop requests queued over 500 ms', edits: [{ set: 'nodes.search.queue.maxWaitMs', value: 500 }] },
      variant: 'shedding',
    },
    {
      text: 'Run again. The excess requests fail fast (cause: shed), and every request the API does serve is still wanted: goodput stays at the API’s capacity through the surge, and the service is healthy the moment it ends.',
    },
  ],
  takeaway:
    'Overload is normal; collapse is optional. Under overload, refuse early and cheaply (bounded queues, maximum queue time, LIFO, rate limits) so that the capacity you have goes to requests that can still succeed. Measure goodput, not throughput.',
  claim: {
    text: 'During the surge (15-30 s), goodput stays at 180 a second or more with shedding and falls to 60 a second or less without it; in the 10 s after the surge it is back to 145 or more with shedding and still at most 60 without.',
    checks: [
      { variant: 'base', metric: { kind: 'goodputPerSec', node: 'clients', fromS: 15, toS: 30 }, atMost: 60 },
      { variant: 'shedding', metric: { kind: 'goodputPerSec', node: 'clients', fromS: 15, toS: 30 }, atLeast: 180 },
      { variant: 'base', metric: { kind: 'goodputPerSec', node: 'clients', fromS: 30, toS: 40 }, atMost: 60 },
      { variant: 'shedding', metric: { kind: 'goodputPerSec', node: 'clients', fromS: 30, toS: 40 }, atLeast: 145 },
    ],
  },
  reading: ['Google, "Site Reliability Engineering", chapter 21 "Handling Overload"', 'AWS Builders’ Library, "Using load shedding to avoid overload"', 'Michael Nygard, "Release It!", chapter on Shed Load'],
  scenario: {
    title: 'Lesson: load shedding',
    settings: { durationS: 40, seed: 19 },
    nodes: [
      { id: 'clients', kind: 'client', label: 'Clients', position: { x: 0, y: 120 }, workload: { ratePerSec: 150 } },
      { id: 'search', kind: 'service', label: 'Search API', position: { x: 300, y: 120 }, workers: 10, queue: { capacity: 5000 }, serviceTime: { dist: 'exponential', meanMs: 50 } },
    ],
    edges: [{ id: 'clients-search', from: 'clients', to: 'search', policy: { timeoutMs: 1000 } }],
    faults: [{ id: 'surge', kind: 'trafficSpike', target: 'clients', label: 'Traffic surge: 2x', startS: 10, durationS: 20, factor: 2 }],
  },
};
