import type { Scenario } from './scenario';
import type { Issue } from './issues';

/**
 * A run keeps one sample per interval for the system, every node and every edge. Past this many
 * values in all (samples x (1 + nodes + edges)) memory would grow without bound: a day sampled
 * every 10 ms is 8.64 million samples, which crashed the app's worker and the CLI. Such a run is
 * sampled more coarsely instead, and says so.
 */
export const MAX_SAMPLE_VALUES = 2_000_000;

export interface SampleInterval {
  /** The interval the run samples at (s): the scenario's, or a coarser one. */
  readonly intervalS: number;
  /** The scenario's own setting. */
  readonly askedS: number;
  /** How many samples the scenario's setting would have kept. */
  readonly askedSamples: number;
  readonly coarsened: boolean;
}

/** The smallest 1, 2 or 5 x 10^k at or above x. */
function niceAtLeast(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/** The sampling interval a run of this scenario uses (memory stays bounded whatever the settings). */
export function sampleInterval(scenario: Pick<Scenario, 'settings' | 'nodes' | 'edges'>): SampleInterval {
  const { durationS, sampleIntervalS } = scenario.settings;
  const perSample = 1 + scenario.nodes.length + scenario.edges.length;
  const maxSamples = Math.max(1, Math.floor(MAX_SAMPLE_VALUES / perSample));
  const askedSamples = Math.ceil(durationS / sampleIntervalS);
  if (askedSamples <= maxSamples) return { intervalS: sampleIntervalS, askedS: sampleIntervalS, askedSamples, coarsened: false };
  return { intervalS: niceAtLeast(durationS / maxSamples), askedS: sampleIntervalS, askedSamples, coarsened: true };
}

/** The warning restore gives (and the CLI prints) when a run will be sampled more coarsely than set. */
export function sampleIntervalWarning(scenario: Pick<Scenario, 'settings' | 'nodes' | 'edges'>): Issue | null {
  const s = sampleInterval(scenario);
  if (!s.coarsened) return null;
  return {
    path: 'settings.sampleIntervalS',
    message: `${s.askedS} s over ${scenario.settings.durationS} s would keep ${s.askedSamples.toLocaleString('en-US')} samples, more than memory allows: the run samples every ${s.intervalS} s instead (set ${s.intervalS} s or more to choose yourself)`,
  };
}
