import type { Lesson } from '../types';

const jitter = (mode: string) => ({ label: `Use ${mode} jitter`, edits: [{ set: 'edges.clients-api.policy.retry.jitter', value: mode }] });

export const backoffJitter: Lesson = {
  id: 'backoff-jitter',
  title: 'Exponential backoff, with and without jitter',
  tags: ['resilience'],
  summary: 'A burst of rejected requests retries in lockstep waves; jitter spreads the waves out so the service can absorb them.',
  setup:
    'An API with 20 workers (about 2,000 requests a second) and a short queue serves 500 requests a second. At 15 s a burst of 2,000 requests arrives within a tenth of a second (a mobile app reconnecting after an outage). Most are refused at once (queue full). Clients retry up to 5 times with exponential backoff: 100 ms, 200 ms, 400 ms, 800 ms.',
  steps: [
    {
      text: 'Run it without jitter. The refused requests all come back exactly 100 ms later, as sharp a burst as the first, and are refused again; then 200 ms later, and so on. Every wave is a new thundering herd.',
    },
    {
      text: 'Full jitter: wait a random time between 0 and the backoff. The retries of each wave spread over its whole window, though some come back almost at once, while the queue is still full.',
      change: jitter('full'),
      variant: 'full',
    },
    {
      text: 'Equal jitter keeps half the backoff and randomises the other half: the waves are still spread out, though less than with full jitter.',
      change: jitter('equal'),
      variant: 'equal',
    },
    {
      text: 'Decorrelated jitter grows each wait from the previous one (a random value up to three times it). Compare the four runs: how many requests of the burst finally succeed, and how many attempts were refused.',
      change: jitter('decorrelated'),
      variant: 'decorrelated',
    },
  ],
  takeaway:
    'Backoff without jitter keeps clients synchronised: they retry at the same moments and overload the service again. Any jitter spreads the retries out. Full jitter spreads them most but lets some retry almost at once; equal and decorrelated jitter keep a minimum wait, which helps when the service needs a moment to drain its queue.',
  claim: {
    text: 'Of the 2,000 requests in the burst, at least 600 fail without jitter; at most 350 with full jitter, 150 with equal jitter and 50 with decorrelated jitter. Here, where the queue needs a moment to drain, the modes that keep a minimum wait (equal, decorrelated) do best.',
    checks: [
      { variant: 'base', metric: { kind: 'failedRequests', node: 'clients', fromS: 14, toS: 20 }, atLeast: 600 },
      { variant: 'full', metric: { kind: 'failedRequests', node: 'clients', fromS: 14, toS: 20 }, atMost: 350 },
      { variant: 'equal', metric: { kind: 'failedRequests', node: 'clients', fromS: 14, toS: 20 }, atMost: 150 },
      { variant: 'decorrelated', metric: { kind: 'failedRequests', node: 'clients', fromS: 14, toS: 20 }, atMost: 50 },
      { variant: 'base', metric: { kind: 'successRatio', node: 'clients', fromS: 2, toS: 14 }, atLeast: 0.999 },
    ],
  },
  reading: ['Marc Brooker, "Exponential Backoff And Jitter" (AWS Architecture Blog)', 'AWS Builders’ Library, "Timeouts, retries, and backoff with jitter"', 'Michael Nygard, "Release It!", chapter on stability patterns'],
  scenario: {
    title: 'Lesson: backoff and jitter',
    settings: { durationS: 25, seed: 8, sampleIntervalS: 0.5 },
    nodes: [
      {
        id: 'clients',
        kind: 'client',
        label: 'Mobile clients',
        position: { x: 0, y: 120 },
        workload: {
          ratePerSec: 500,
          phases: [
            { kind: 'constant', durationS: 10, ratePerSec: 500 },
            { kind: 'spike', durationS: 10, ratePerSec: 500, peakPerSec: 20000, peakDurationS: 0.1 },
          ],
        },
      },
      { id: 'api', kind: 'service', label: 'API', position: { x: 300, y: 120 }, workers: 20, queue: { capacity: 50 }, serviceTime: { dist: 'exponential', meanMs: 10 } },
    ],
    edges: [
      {
        id: 'clients-api',
        from: 'clients',
        to: 'api',
        policy: { timeoutMs: 1000, retry: { maxAttempts: 5, backoff: 'exponential', baseMs: 100, multiplier: 2, maxMs: 2000, jitter: 'none' } },
      },
    ],
  },
};
