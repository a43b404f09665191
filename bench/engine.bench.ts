/**
 * The engine's speed figures (issue 3, "Speed"): run with `npx tsx bench/engine.bench.ts`
 * (add `node --expose-gc` through NODE_OPTIONS for an exact heap figure). Prints one Markdown
 * section on stdout.
 */
import { restore, type Scenario, type ScenarioInput } from '../src/model';
import { Simulation, simulate } from '../src/sim';

function scenario(input: ScenarioInput): Scenario {
  const result = restore(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.scenario;
}

/** M/M/1 at rho 0.9: mean service 1 ms, 900 arrivals/s, no network latency, no policy. */
function mm1(durationS: number): Scenario {
  return scenario({
    settings: { durationS, seed: 1, maxEvents: 2_000_000_000 },
    nodes: [
      { id: 'source', kind: 'client', workload: { ratePerSec: 900 } },
      { id: 'server', kind: 'service', workers: 1, queue: { capacity: 10_000_000 }, serviceTime: { dist: 'exponential', meanMs: 1 } },
    ],
    edges: [{ id: 'source-server', from: 'source', to: 'server', latency: { dist: 'constant', valueMs: 0 } }],
  });
}

/** Client -> api -> orders -> db at 800 req/s, every edge with a timeout, retries, a breaker and a bulkhead. */
function chain(durationS: number): Scenario {
  const policy = (timeoutMs: number) => ({
    timeoutMs,
    retry: { maxAttempts: 3, backoff: 'exponential' as const, baseMs: 20, maxMs: 500, jitter: 'full' as const },
    circuitBreaker: { windowSize: 100, minimumNumberOfCalls: 50, waitDurationInOpenStateMs: 5000 },
    bulkhead: { maxConcurrentCalls: 200, maxWaitMs: 0 },
  });
  return scenario({
    settings: { durationS, seed: 1, maxEvents: 2_000_000_000 },
    nodes: [
      { id: 'users', kind: 'client', workload: { ratePerSec: 800 } },
      { id: 'api', kind: 'service', replicas: 2, workers: 32, serviceTime: { dist: 'exponential', meanMs: 5 } },
      { id: 'orders', kind: 'service', replicas: 2, workers: 32, serviceTime: { dist: 'lognormal', medianMs: 8, p99Ms: 40 }, errorPercent: 1 },
      { id: 'db', kind: 'database', workers: 20 },
    ],
    edges: [
      { id: 'users-api', from: 'users', to: 'api', policy: policy(2000) },
      { id: 'api-orders', from: 'api', to: 'orders', policy: policy(1000) },
      { id: 'orders-db', from: 'orders', to: 'db', policy: policy(300) },
    ],
  });
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const gc = (globalThis as { gc?: () => void }).gc;

// Warm the JIT on a short run of each, so the figures are steady-state.
simulate(mm1(200));
simulate(chain(20));

const mm1Run = timed(() => simulate(mm1(20_000)));
const eventsPerSec = mm1Run.value.events / (mm1Run.ms / 1000);
const mm1Customers = mm1Run.value.totals.system.clientRequests / (mm1Run.ms / 1000);

const chainRun = timed(() => simulate(chain(1000)));
const requestsPerSec = chainRun.value.totals.system.clientRequests / (chainRun.ms / 1000);

// 10 million requests: the chain at 800 req/s for 12,500 simulated seconds, heap sampled as it runs.
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
const big = new Simulation(chain(12_500));
const bigRun = timed(() => {
  while (!big.advance(2_000_000)) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  return big.result();
});
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
heapPeak = Math.max(heapPeak, heapAfter);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const ok = (pass: boolean) => (pass ? 'yes' : '**no**');
const lines = [
  '## Simulation engine',
  '',
  `Node ${process.version} on ${process.platform}/${process.arch}; ${gc ? 'heap figures after a forced GC' : 'no --expose-gc: heap figures include garbage not yet collected'}.`,
  '',
  '| figure | measured | target | met |',
  '|---|---|---|---|',
  `| M/M/1 at rho 0.9 (mean service 1 ms, ${n(mm1Run.value.totals.system.clientRequests)} customers) | ${n(eventsPerSec)} events/s (${n(mm1Customers)} customers/s) | >= 5,000,000 events/s | ${ok(eventsPerSec >= 5e6)} |`,
  `| 3-level chain, timeouts + retries + breakers + bulkheads, 800 req/s for 1000 simulated s | ${n(requestsPerSec)} client requests/s (${n(chainRun.value.events / (chainRun.ms / 1000))} events/s) | >= 250,000 requests/s | ${ok(requestsPerSec >= 250_000)} |`,
  `| heap during a ${n(bigRun.value.totals.system.clientRequests)}-request run (peak; after) | ${mb(heapPeak - heapBefore)}; ${mb(heapAfter - heapBefore)} above the baseline of ${mb(heapBefore)} | < 200 MB | ${ok(heapPeak - heapBefore < 200 * 1024 * 1024)} |`,
  '',
  `The 10M-request run took ${(bigRun.ms / 1000).toFixed(1)} s of wall time (${n(bigRun.value.events)} events, ${bigRun.value.samples.length} samples kept).`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
