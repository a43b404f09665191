/**
 * The engine's speed figures (issue 3, "Speed"). Run with `npx tsx bench/engine.bench.ts`
 * (with NODE_OPTIONS=--expose-gc for exact heap figures). Prints one Markdown section on stdout.
 *
 * Figures are events (or client requests) per second of wall-clock time, as the targets are
 * stated; per second of CPU time is printed too, since on a shared machine wall time also
 * counts other processes. A hand-tight typed-array M/M/1 loop runs first, for scale.
 *
 * M/M/1 counts the engine's events as the run reports them (each customer is a client arrival,
 * the call's arrival at the server and the end of its service: 3 events, as the engine has always
 * counted them) and prints customers per second beside them, so that a change in events per
 * customer cannot pass for a speed-up. It runs three times; the median run (by wall rate) is
 * reported, with all three.
 */
import { restore, type Scenario, type ScenarioInput } from '../src/model';
import { Simulation, simulate, type RunResult } from '../src/sim';

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

/** users -> api -> orders -> db at 800 req/s, every edge with a time-out, retries, a breaker and a bulkhead. */
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

interface Timed<T> {
  readonly value: T;
  readonly wallS: number;
  readonly cpuS: number;
}

function timed<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, wallS: (performance.now() - start) / 1000, cpuS: (used.user + used.system) / 1e6 };
}

/** A minimal M/M/1 (typed-array heap, two event kinds, inline xorshift): the ceiling for scale. */
function handTight(events: number): number {
  const cap = 1 << 16;
  const time = new Float64Array(cap);
  const seq = new Float64Array(cap);
  const kind = new Int32Array(cap);
  let size = 0;
  let next = 0;
  const push = (t: number, k: number) => {
    let i = size++;
    const s = next++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p]! < t || (time[p] === t && seq[p]! < s)) break;
      time[i] = time[p]!;
      seq[i] = seq[p]!;
      kind[i] = kind[p]!;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
  };
  let state = 88172645;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  let queued = 0;
  let busy = false;
  push(0, 0);
  for (let n = 0; n < events; n++) {
    const now = time[0]!;
    const k = kind[0]!;
    const last = --size;
    if (last > 0) {
      const t = time[last]!;
      const s = seq[last]!;
      const kk = kind[last]!;
      let i = 0;
      while (2 * i + 1 < last) {
        let c = 2 * i + 1;
        if (c + 1 < last && (time[c + 1]! < time[c]! || (time[c + 1] === time[c] && seq[c + 1]! < seq[c]!))) c++;
        if (t < time[c]! || (t === time[c] && s < seq[c]!)) break;
        time[i] = time[c]!;
        seq[i] = seq[c]!;
        kind[i] = kind[c]!;
        i = c;
      }
      time[i] = t;
      seq[i] = s;
      kind[i] = kk;
    }
    if (k === 0) {
      push(now - Math.log(1 - uniform()) / 0.9, 0);
      if (busy) queued++;
      else {
        busy = true;
        push(now - Math.log(1 - uniform()), 1);
      }
    } else if (queued > 0) {
      queued--;
      push(now - Math.log(1 - uniform()), 1);
    } else busy = false;
  }
  return queued;
}

const gc = (globalThis as { gc?: () => void }).gc;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const met = (pass: boolean) => (pass ? 'yes' : '**no**');

// Warm the JIT on short runs, so the figures are steady-state.
handTight(2_000_000);
simulate(mm1(300));
simulate(chain(30));

const reference = timed(() => handTight(30_000_000));
const mm1Runs = [0, 1, 2].map(() => timed(() => simulate(mm1(20_000))));
const mm1Run = [...mm1Runs].sort((a, b) => a.value.events / a.wallS - b.value.events / b.wallS)[1] as Timed<RunResult>;
const chainRun = timed(() => simulate(chain(1000)));

// Ten million client requests: the chain at 800 req/s for 12,500 simulated seconds, the heap
// sampled between batches as a worker would run it.
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let heapPeak = heapBefore;
const big = new Simulation(chain(12_500));
const bigRun = timed((): RunResult => {
  while (!big.advance(2_000_000)) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  return big.result();
});
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
heapPeak = Math.max(heapPeak, heapAfter);

const mm1Events = mm1Run.value.events;
const mm1Customers = mm1Run.value.totals.system.clientRequests;
const mm1PerCustomer = mm1Events / mm1Customers;
const chainRequests = chainRun.value.totals.system.clientRequests;
const lines = [
  '## Simulation engine',
  '',
  `Node ${process.version} on ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}. ` +
    `For scale, a hand-tight typed-array M/M/1 loop runs at ${n(30_000_000 / reference.wallS)} events/s here ` +
    `(${n(30_000_000 / reference.cpuS)} per CPU second).`,
  '',
  '| figure | measured (wall clock) | per CPU second | target | met |',
  '|---|---|---|---|---|',
  `| M/M/1 at rho 0.9, ${n(mm1Customers)} customers (mean service 1 ms, ${mm1PerCustomer.toFixed(2)} events each) | ${n(mm1Events / mm1Run.wallS)} events/s | ${n(mm1Events / mm1Run.cpuS)} events/s | >= 5,000,000 events/s | ${met(mm1Events / mm1Run.wallS >= 5e6)} |`,
  `| the same, in customers | ${n(mm1Customers / mm1Run.wallS)} customers/s | ${n(mm1Customers / mm1Run.cpuS)} customers/s | | |`,
  `| 3-level chain with time-outs, retries, breakers, bulkheads; 800 req/s for 1000 simulated s | ${n(chainRequests / chainRun.wallS)} client requests/s | ${n(chainRequests / chainRun.cpuS)} requests/s | >= 250,000 requests/s | ${met(chainRequests / chainRun.wallS >= 250_000)} |`,
  `| heap during a ${n(bigRun.value.totals.system.clientRequests)}-request run (peak above baseline) | ${mb(heapPeak - heapBefore)} | | < 200 MB | ${met(heapPeak - heapBefore < 200 * 1024 * 1024)} |`,
  '',
  `M/M/1 runs (events/s, wall / CPU): ${mm1Runs.map((r) => `${n(r.value.events / r.wallS)} / ${n(r.value.events / r.cpuS)}`).join('; ')}; the median is shown.`,
  '',
  `The ${n(bigRun.value.totals.system.clientRequests)}-request run took ${bigRun.wallS.toFixed(1)} s (${n(bigRun.value.events)} events, ` +
    `${bigRun.value.samples.length} one-second samples kept); heap ${mb(heapAfter - heapBefore)} above the ${mb(heapBefore)} baseline after it` +
    `${gc ? ' (after a forced GC)' : ' (no --expose-gc: includes garbage not yet collected)'}.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
