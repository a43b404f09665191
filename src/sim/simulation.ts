import { sampleInterval, type Scenario } from '../model';
import { Engine } from './engine';
import { seconds } from './notable';
import type { EngineOptions, NotableEvent, Progress, RunResult, RunStatus, Sample } from './types';

/** How often (in events, a power of two) the wall clock and the live-record count are looked at. */
const CHECK_EVERY = 4096;
/** Requests alive at once beyond which a run is stopped (memory stays bounded). */
const MAX_LIVE_JOBS = 1_000_000;

/**
 * One run of a scenario. `advance` runs a batch of events and can be called again and again (a
 * worker posts `takeSamples()` between batches); `simulate` runs to the end in one go.
 */
export class Simulation {
  private declare readonly engine: Engine;
  private declare readonly durationMs: number;
  private declare readonly intervalMs: number;
  private declare readonly warmupMs: number;
  private declare readonly maxEvents: number;
  private declare readonly maxWallMs: number;
  private status: RunStatus = 'running';
  private reason: string | null = null;
  private events = 0;
  private wallUsedMs = 0;
  private readonly samples: Sample[] = [];
  private taken = 0;
  private sampleStartMs = 0;
  private declare nextSampleMs: number;
  private declare warmupPending: boolean;
  /** The next time (ms) at which the loop must stop for a boundary (sample, warm-up, end). */
  private declare nextStopMs: number;
  private eventsAtSampleStart = 0;
  private cached: RunResult | null = null;

  constructor(scenario: Scenario, options: EngineOptions = {}) {
    const settings = scenario.settings;
    this.durationMs = settings.durationS * 1000;
    // Coarser than set when the setting would keep more samples than memory allows (model/samples.ts).
    this.intervalMs = sampleInterval(scenario).intervalS * 1000;
    this.warmupMs = settings.warmupS * 1000;
    this.maxEvents = options.maxEvents ?? settings.maxEvents;
    this.maxWallMs = options.maxWallMs ?? Infinity;
    this.engine = new Engine(scenario, options.maxNotable ?? 2000);
    this.engine.start();
    this.nextSampleMs = this.intervalMs;
    this.warmupPending = this.warmupMs > 0;
    this.nextStopMs = this.computeNextStop();
  }

  private computeNextStop(): number {
    return Math.min(this.nextSampleMs, this.warmupPending ? this.warmupMs : Infinity, this.durationMs);
  }

  /** Runs at most maxEvents more events; returns true once the run has ended. */
  advance(maxEvents: number): boolean {
    if (this.status !== 'running') return true;
    const wallStart = performance.now();
    const e = this.engine;
    const queue = e.queue;
    const batch = Math.max(0, Math.min(maxEvents, this.maxEvents - this.events));
    let processed = 0;
    let ended = false;
    for (;;) {
      // The engine runs events up to the next boundary, the end of the batch or the next check.
      const toCheck = CHECK_EVERY - (processed & (CHECK_EVERY - 1));
      const ran = e.run(this.nextStopMs, Math.min(toCheck, batch - processed));
      processed += ran;
      if (ran === toCheck) {
        if (e.jobs.live > MAX_LIVE_JOBS) {
          this.events += processed;
          processed = 0;
          this.stop('budget_exceeded', `Stopped with more than ${MAX_LIVE_JOBS.toLocaleString('en-US')} requests alive at once at ${seconds(e.now)}: an unbounded queue or a call cycle. Results so far are kept.`);
          ended = true;
          break;
        }
        if (this.maxWallMs !== Infinity && this.wallUsedMs + performance.now() - wallStart > this.maxWallMs) {
          this.events += processed;
          processed = 0;
          this.stop('budget_exceeded', `Stopped at the wall-clock budget (${this.maxWallMs} ms) at ${seconds(e.now)} of simulated time. Results so far are kept.`);
          ended = true;
          break;
        }
      }
      const t = queue.peekTime();
      if (t >= this.nextStopMs) {
        if (this.boundary(t)) {
          ended = true;
          break;
        }
        continue;
      }
      if (processed >= batch) {
        if (this.events + processed >= this.maxEvents) {
          this.events += processed;
          processed = 0;
          this.stop('budget_exceeded', `Stopped at the event budget (${this.maxEvents.toLocaleString('en-US')} events) at ${seconds(e.now)} of simulated time: a retry storm, a zero-latency cycle or a very large scenario. Results so far are kept.`);
          ended = true;
        }
        break;
      }
    }
    this.events += processed;
    this.wallUsedMs += performance.now() - wallStart;
    return ended;
  }

  /** Handles every boundary up to time t; true when the run completed. */
  private boundary(t: number): boolean {
    const e = this.engine;
    while (this.nextStopMs <= t) {
      const at = this.nextStopMs;
      e.now = at;
      e.metrics.touchAll(at);
      if (this.warmupPending && at === this.warmupMs) {
        // The warm-up ends an interval, so totals restart on a clean cut.
        this.warmupPending = false;
        if (at > this.sampleStartMs) this.emitSample(at);
        e.reporter.warmupOver(at);
      }
      if (at === this.durationMs) {
        if (at > this.sampleStartMs || this.samples.length === 0) this.emitSample(at);
        this.status = 'completed';
        this.nextStopMs = Infinity;
        return true;
      }
      if (at === this.nextSampleMs) {
        if (at > this.sampleStartMs) this.emitSample(at);
        this.nextSampleMs = Math.min(this.nextSampleMs + this.intervalMs, this.durationMs + this.intervalMs);
      }
      this.nextStopMs = this.computeNextStop();
    }
    return false;
  }

  private emitSample(endMs: number): void {
    const e = this.engine;
    e.metrics.touchAll(endMs);
    this.samples.push(e.reporter.sample(this.sampleStartMs, endMs));
    e.metrics.closeInterval();
    this.sampleStartMs = endMs;
    this.eventsAtSampleStart = this.events;
  }

  private stop(status: RunStatus, reason: string): void {
    const e = this.engine;
    this.status = status;
    this.reason = reason;
    // Keep the partial interval so the charts show what led to the stop.
    if (e.now > this.sampleStartMs || this.events > this.eventsAtSampleStart) this.emitSample(e.now);
    if (status === 'budget_exceeded') e.notable.add(e.now, 'budget_exceeded', '', reason);
  }

  private notableTaken = 0;

  /** Samples completed since the last call. */
  takeSamples(): Sample[] {
    const out = this.samples.slice(this.taken);
    this.taken = this.samples.length;
    return out;
  }

  /** Notable events recorded since the last call (for streaming; result() is for the end). */
  takeNotable(): NotableEvent[] {
    const all = this.engine.notable.events;
    const out = all.slice(this.notableTaken);
    this.notableTaken = all.length;
    return out;
  }

  progress(): Progress {
    return { status: this.status, simulatedMs: this.engine.now, durationMs: this.durationMs, events: this.events };
  }

  cancel(): void {
    if (this.status === 'running') this.stop('cancelled', 'Cancelled.');
  }

  /** The result so far (partial until the run ended; status tells). */
  result(): RunResult {
    if (this.cached) return this.cached;
    const e = this.engine;
    e.metrics.touchAll(e.now);
    const result: RunResult = {
      status: this.status,
      reason: this.reason,
      seed: e.seed,
      simulatedMs: e.now,
      events: this.events,
      samples: this.samples.slice(),
      totals: e.reporter.totals(e.now),
      notable: e.notable.events.slice(),
    };
    if (this.status !== 'running') this.cached = result;
    return result;
  }
}

/** Runs a scenario to its end (or its budget). */
export function simulate(scenario: Scenario, options?: EngineOptions): RunResult {
  const sim = new Simulation(scenario, options);
  while (!sim.advance(1_000_000)) {
    // Batches keep the wall-clock checks regular; nothing to stream here.
  }
  return sim.result();
}
