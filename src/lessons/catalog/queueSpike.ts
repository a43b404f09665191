import type { Lesson } from '../types';

export const queueSpike: Lesson = {
  id: 'queue-spike',
  title: 'A queue absorbs a traffic spike (and a dead-letter queue catches what fails)',
  tags: ['communication', 'resilience'],
  summary: 'A 3× spike overwhelms a synchronous image processor; behind a queue the same spike becomes a backlog that drains.',
  setup:
    'Users upload photos at 80 a second; the API hands each to an image processor that can handle about 130 a second (8 workers, 60 ms each). At 10 s a campaign triples the traffic for 10 s, to 240 a second. The API waits for the processor synchronously.',
  steps: [
    {
      text: 'Run it. During the spike the processor’s queue fills, waits pass the time-outs and uploads fail, although on average over the minute the processor has enough capacity.',
    },
    {
      text: 'Put a queue between them: the API publishes a job and answers as soon as the broker has stored it; the processor consumes jobs at its own pace.',
      change: {
        label: 'Process uploads through a queue',
        edits: [
          { remove: 'edges', id: 'api-processor' },
          { add: 'nodes', item: { id: 'jobs', kind: 'queue', label: 'Image jobs', position: { x: 520, y: 260 }, visibilityTimeoutMs: 2000, maxDeliveries: 3 } },
          { add: 'edges', item: { id: 'api-jobs', from: 'api', to: 'jobs', kind: 'async', policy: { timeoutMs: 200 } } },
          { add: 'edges', item: { id: 'jobs-processor', from: 'jobs', to: 'processor', kind: 'async' } },
        ],
      },
      variant: 'queue',
    },
    {
      text: 'Run again. Every upload is accepted; the spike becomes a backlog of several hundred jobs (watch the queue’s depth and the age of its oldest message) that the processor works off in the 20 s after the spike.',
    },
    {
      text: 'Now the processor’s storage fails for 8 s at 46 s. A job that fails is not deleted; it comes back after the 2 s visibility time-out. After 3 deliveries it goes to the dead-letter queue, to be inspected and replayed later, instead of being retried for ever.',
      change: {
        label: 'Break the processor’s storage for 8 s',
        edits: [{ add: 'faults', item: { id: 'storage-down', kind: 'error', target: 'processor', label: 'Storage fails', startS: 46, durationS: 8, percent: 100 } }],
      },
      variant: 'dead-letters',
    },
  ],
  takeaway:
    'A queue decouples the rate at which work arrives from the rate at which it is done: spikes become backlog (latency) instead of errors, as long as the average fits. Watch the age of the oldest message, and give every queue a dead-letter queue so that failing messages are set aside.',
  claim: {
    text: 'During the spike at most 70% of uploads succeed when processed synchronously; with the queue at least 99.9% are accepted, the backlog peaks at 800 or more and is gone (at most 20) by 45 s. When the storage fails, at least 50 jobs are dead-lettered and the uploads are still all accepted.',
    checks: [
      { variant: 'base', metric: { kind: 'successRatio', node: 'uploaders', fromS: 10, toS: 22 }, atMost: 0.7 },
      { variant: 'queue', metric: { kind: 'successRatio', node: 'uploaders', fromS: 10, toS: 22 }, atLeast: 0.999 },
      { variant: 'queue', metric: { kind: 'peakQueueDepth', node: 'jobs' }, atLeast: 800 },
      { variant: 'queue', metric: { kind: 'endQueueDepth', node: 'jobs', toS: 45 }, atMost: 20 },
      { variant: 'dead-letters', metric: { kind: 'deadLettered', node: 'jobs' }, atLeast: 50 },
      { variant: 'dead-letters', metric: { kind: 'successRatio', node: 'uploaders', fromS: 46, toS: 58 }, atLeast: 0.999 },
    ],
  },
  reading: ['Gregor Hohpe and Bobby Woolf, "Enterprise Integration Patterns" (Message Channel, Dead Letter Channel)', 'Chris Richardson, "Microservices Patterns", chapter 3 (asynchronous messaging)', 'AWS documentation, Amazon SQS dead-letter queues'],
  scenario: {
    title: 'Lesson: a queue absorbs a spike',
    settings: { durationS: 60, seed: 2 },
    nodes: [
      { id: 'uploaders', kind: 'client', label: 'Uploaders', position: { x: 0, y: 120 }, workload: { ratePerSec: 80 } },
      { id: 'api', kind: 'service', label: 'Upload API', position: { x: 260, y: 120 }, workers: 64, serviceTime: { dist: 'exponential', meanMs: 3 } },
      { id: 'processor', kind: 'service', label: 'Image processor', position: { x: 780, y: 120 }, workers: 8, serviceTime: { dist: 'exponential', meanMs: 60 } },
    ],
    edges: [
      { id: 'uploaders-api', from: 'uploaders', to: 'api', policy: { timeoutMs: 3000 } },
      { id: 'api-processor', from: 'api', to: 'processor', policy: { timeoutMs: 1000 } },
    ],
    faults: [{ id: 'campaign', kind: 'trafficSpike', target: 'uploaders', label: 'Campaign: 3x traffic', startS: 10, durationS: 10, factor: 3 }],
  },
};
