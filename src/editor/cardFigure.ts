import { keyNumbers, type ScenarioNode } from '../model';
import type { NodeLive } from '../store';

/**
 * The one figure a simplified node card shows, chosen by what matters now: with no run, the
 * node's main parameter; during or after a run, what is wrong first (a queue building), then how
 * busy it is.
 */
export function cardFigure(node: ScenarioNode, live: NodeLive | null): string {
  if (!live) return keyNumbers(node)[0] ?? '';
  if (live.queueDepth > 0) return `queue ${live.queueDepth}`;
  if (live.utilisationPct > 0 || live.inFlight > 0) return `${live.utilisationPct}% busy`;
  return live.health === 'idle' ? 'idle' : (keyNumbers(node)[0] ?? '');
}
