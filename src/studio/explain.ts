import { displayName, type Fault, type Scenario } from '../model';
import type { NotableEvent, Sample } from '../model';
import { cascadePath, type Health } from '../model';
import { failuresOf } from '../store';

export interface Explanation {
  /** Plain-language sentences, in the order things happened. */
  readonly sentences: readonly string[];
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const times = (x: number) => (x >= 10 ? `${Math.round(x)}x` : `${x.toFixed(1)}x`);

function faultWords(f: Fault, name: string): string {
  switch (f.kind) {
    case 'crash':
      return `${name} crashed`;
    case 'hang':
      return `${name} stopped answering (hang)`;
    case 'latency':
      return `${name} slowed down${f.factor > 1 ? ` ${f.factor}x` : ''}${f.addMs > 0 ? ` (+${f.addMs} ms)` : ''}`;
    case 'error':
      return `${name} started failing ${f.percent}% of requests`;
    case 'capacityLoss':
      return `${name} lost ${f.percent}% of its workers`;
    case 'partition':
      return `the network between ${name} was cut`;
    case 'packetLoss':
      return `${name} lost ${f.percent}% of packets`;
    case 'cacheFlush':
      return `${name} was flushed`;
    case 'trafficSpike':
      return `traffic from ${name} rose ${f.factor}x`;
    case 'delay':
      return `calls on ${name} were delayed ${f.delayMs} ms`;
    case 'abort':
      return `${f.percent}% of calls on ${name} were aborted`;
  }
}

const ONSET_WORDS: Record<Health, string> = {
  failing: 'was failing',
  degraded: 'degraded',
  saturated: 'was saturated',
  slow: 'slowed down',
  ok: 'degraded',
  idle: 'degraded',
};

interface Onset {
  readonly id: string;
  readonly atMs: number;
  readonly worst: Health;
}

/** Arrivals per second at a node over samples in [fromMs, toMs). */
function arrivalRate(samples: readonly Sample[], id: string, fromMs: number, toMs: number): number {
  let arrivals = 0;
  let ms = 0;
  for (const s of samples) {
    if (s.startMs < fromMs || s.startMs >= toMs) continue;
    arrivals += s.nodes[id]?.arrivals ?? 0;
    ms += s.endMs - s.startMs;
  }
  return ms > 0 ? (arrivals * 1000) / ms : NaN;
}

/**
 * A short account of a run: which fault started it, which nodes degraded in which order and
 * through which edge, which policies stopped or amplified it, and when the system recovered.
 */
export function explainRun(scenario: Scenario, samples: readonly Sample[], notable: readonly NotableEvent[]): Explanation {
  const out: string[] = [];
  const name = (id: string): string => {
    const n = scenario.nodes.find((x) => x.id === id);
    if (n) return displayName(n);
    const e = scenario.edges.find((x) => x.id === id);
    return e ? `${name(e.from)} → ${name(e.to)}` : id;
  };
  if (samples.length === 0) return { sentences: ['Run the scenario to get an account of what happened.'] };
  const faults = [...scenario.faults].sort((a, b) => a.startS - b.startS);
  const first = faults[0];
  const startMs = first ? first.startS * 1000 : 0;
  const endMs = first ? (first.startS + first.durationS) * 1000 : 0;

  if (first) out.push(`At ${s1(startMs)}, ${faultWords(first, name(first.target))} for ${first.durationS} s.`);
  else out.push('No fault was injected: anything that degraded did so under load alone.');

  // Which nodes turned unhealthy, and when, from the fault onwards (the cascade path the canvas
  // highlights); nodes already unhealthy before it are reported as such, not as its victims.
  const cascade = cascadePath(scenario, samples);
  const already = cascade.already;
  const onsets: Onset[] = cascade.steps.flatMap((step) => (step.kind === 'node' && step.unhealthyAtMs !== null ? [{ id: step.id, atMs: step.unhealthyAtMs, worst: step.worst }] : []));
  if (already.length > 0) {
    out.push(`${already.map(name).join(', ')} ${already.length === 1 ? 'was' : 'were'} already degraded before ${first ? 'the fault' : 'anything happened'}: too little capacity for the load.`);
  }
  onsets.sort((a, b) => a.atMs - b.atMs);
  const seen = new Map<string, number>();
  for (const o of onsets.slice(0, 8)) {
    const downstream = scenario.edges.find((e) => e.from === o.id && e.kind === 'sync' && (seen.get(e.to) ?? Infinity) <= o.atMs);
    const lagMs = o.atMs - startMs;
    const lag = !first ? '' : lagMs < 1000 ? ' (as the fault began)' : ` (${s1(lagMs)} after it began)`;
    let why = '';
    if (downstream) {
      why = ` through its calls to ${name(downstream.to)}`;
      if (downstream.policy.timeoutMs === null) why += ', which had no timeout, so its workers waited as long as the calls took';
      else if (downstream.policy.retry && downstream.policy.retry.maxAttempts > 1) why += `, retried up to ${downstream.policy.retry.maxAttempts} times`;
    }
    out.push(`${name(o.id)} ${ONSET_WORDS[o.worst]} from ${s1(o.atMs)}${lag}${why}.`);
    seen.set(o.id, o.atMs);
  }
  if (onsets.length > 8) out.push(`${onsets.length - 8} more nodes degraded after that.`);

  // Load amplification during the fault.
  if (first && startMs > 0) {
    for (const node of scenario.nodes) {
      if (node.kind === 'client') continue;
      const before = arrivalRate(samples, node.id, 0, startMs);
      const during = arrivalRate(samples, node.id, startMs, Math.max(endMs, startMs + 1));
      if (before > 1 && during / before >= 1.5) {
        const retrying = scenario.edges.filter((e) => e.policy.retry && e.policy.retry.maxAttempts > 1).map((e) => name(e.id));
        out.push(
          `Calls reaching ${name(node.id)} rose ${times(during / before)} during the fault (${Math.round(before)}/s before, ${Math.round(during)}/s during)${retrying.length ? `: retries on ${retrying.slice(0, 3).join(', ')} fed it` : ''}.`,
        );
      }
    }
  }

  // Policies that acted.
  for (const e of notable) {
    if (e.kind === 'breaker_open') out.push(`At ${s1(e.timeMs)} the circuit breaker on ${name(e.target)} opened: calls failed fast instead of waiting on a failing dependency.`);
    if (e.kind === 'bulkhead_saturated') out.push(`At ${s1(e.timeMs)} the bulkhead on ${name(e.target)} was full: extra calls were rejected, keeping the caller's other work going.`);
    if (e.kind === 'replica_ejected') out.push(`At ${s1(e.timeMs)} ${e.message}`);
    if (e.kind === 'budget_exceeded') out.push(`The run stopped early at ${s1(e.timeMs)}: ${e.message}`);
  }

  // System impact and recovery.
  let worstRatio = 1;
  let worstAt = 0;
  for (const s of samples) {
    if (s.system.successRatio < worstRatio) {
      worstRatio = s.system.successRatio;
      worstAt = s.startMs;
    }
  }
  if (worstRatio < 0.99) {
    out.push(`At worst (${s1(worstAt)}) only ${pct(worstRatio)} of client requests succeeded.`);
    const after = samples.filter((s) => s.startMs >= Math.max(endMs, worstAt));
    const recovered = after.find((_, i) => after.slice(i, i + 3).every((x) => x.system.successRatio >= 0.99));
    if (recovered) out.push(`The system recovered at ${s1(recovered.startMs)}${first ? `, ${s1(Math.max(0, recovered.startMs - endMs))} after the fault ended` : ''}.`);
    else out.push('The system had not recovered by the end of the run: the failure outlived its trigger.');
  } else {
    out.push('Client requests kept succeeding throughout (99% or more in every interval): the design absorbed it.');
  }
  const totalFailures = samples.reduce((a, s) => a + Object.values(s.nodes).reduce((b, n) => b + failuresOf(n.failures), 0), 0);
  if (totalFailures === 0 && worstRatio >= 0.99 && onsets.length === 0) out.push('No node reported a failure.');
  return { sentences: out };
}
