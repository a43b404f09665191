import { keyNumbers, type ScenarioNode } from '../model';
import type { NodeLive } from '../store';

/**
 * The one figure a simplified node card shows, chosen by what matters now: with no run, the
 * node's main parameter; during or after a run, what is wrong first (a queue building, a slow
 * p99), then how busy it is.
 */
export function cardFigure(node: ScenarioNode, live: NodeLive | null): string {
  if (!live) return keyNumbers(node)[0] ?? '';
  if (live.queueDepth > 0) return `queue ${live.queueDepth}`;
  if (live.health === 'slow' && live.p99Ms > 0) return `p99 ${live.p99Ms} ms`;
  if (live.utilisationPct > 0 || live.inFlight > 0) return `${live.utilisationPct}% busy`;
  return live.health === 'idle' ? 'idle' : (keyNumbers(node)[0] ?? '');
}
