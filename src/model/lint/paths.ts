import { nth, pathNodes, type LintGraph, type Link } from './graph';
import { MAX_PATH_FINDINGS, MAX_SYNC_HOPS, makeFinding, nameAt, pathLabel, type LintFinding } from './types';

/*
 * The two path rules run dynamic programming over the DAG of sync edges (edges inside a sync
 * cycle are left out: sync-cycle reports those). From each start, one pass in topological order
 * finds the best path to every node: O(starts x (nodes + edges)), never an enumeration of paths.
 */

const WHY = {
  deepChain:
    'Every synchronous hop adds its latency to the answer and holds a worker while it waits, so a slowdown at the end of the chain backs up every service before it.',
  retries:
    'When several layers retry, one failure at the bottom turns into a burst of calls that grows with every layer and keeps the struggling dependency down, so retry at one layer only, with a budget.',
} as const;

interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Higher is worse: hops for chains, amplification for retries. */
  readonly score: number;
  readonly path: () => Link[];
}

/**
 * The candidates from one start. `score[end]` is -1 where no offending path ends. `core(end)` is
 * the edge where the best path to `end` starts to offend; from one start the best path to a node
 * is unique, so ends sharing a core are one problem with different tails: only the worst is kept
 * (on a tie, the first in node order).
 */
function candidatesFrom(
  start: number,
  score: readonly number[],
  core: (end: number) => Link | undefined,
  path: (end: number) => Link[],
): Candidate[] {
  const worst = new Map<Link | undefined, number>();
  score.forEach((value, end) => {
    if (value < 0) return;
    const key = core(end);
    const known = worst.get(key);
    if (known === undefined || value > nth(score, known)) worst.set(key, end);
  });
  return [...worst.values()].map((end) => ({ start, end, score: nth(score, end), path: () => path(end) }));
}

/** The worst candidates first, at most MAX_PATH_FINDINGS of them, with their paths. */
function pickWorst(candidates: Candidate[]): { candidate: Candidate; path: Link[] }[] {
  return candidates
    .sort((a, b) => b.score - a.score || a.start - b.start || a.end - b.end)
    .slice(0, MAX_PATH_FINDINGS)
    .map((candidate) => ({ candidate, path: candidate.path() }));
}

/** For each node, the highest total weight of a path leaving it (0 for a sink). */
function heaviestBelow(graph: LintGraph, weight: (link: Link) => number): number[] {
  const below = new Array<number>(graph.nodes.length).fill(0);
  for (let i = graph.topo.length - 1; i >= 0; i--) {
    const v = nth(graph.topo, i);
    for (const link of nth(graph.dagOut, v)) below[v] = Math.max(nth(below, v), weight(link) + nth(below, link.to));
  }
  return below;
}

/** Rule deep-sync-chain: the longest sync path from each entry point, when over MAX_SYNC_HOPS. */
export function deepSyncChains(graph: LintGraph): LintFinding[] {
  const n = graph.nodes.length;
  const isClient = (v: number) => nth(graph.nodes, v).kind === 'client';
  // A start is a non-client node no other non-client node calls: any chain through a called node
  // is the tail of a longer chain from its caller.
  const deepest = heaviestBelow(graph, () => 1);
  const candidates: Candidate[] = [];
  graph.topo.forEach((start, from) => {
    if (isClient(start) || nth(deepest, start) <= MAX_SYNC_HOPS) return;
    if (nth(graph.dagIn, start).some((l) => !isClient(l.from))) return;
    const hops = new Array<number>(n).fill(-1);
    const via = new Array<Link | undefined>(n);
    // The hop that makes the chain too deep, on the longest path to each node.
    const core = new Array<Link | undefined>(n);
    hops[start] = 0;
    for (let i = from; i < graph.topo.length; i++) {
      const v = nth(graph.topo, i);
      const h = nth(hops, v);
      if (h < 0) continue;
      for (const link of nth(graph.dagOut, v)) {
        if (h + 1 > nth(hops, link.to)) {
          hops[link.to] = h + 1;
          via[link.to] = link;
          core[link.to] = h + 1 === MAX_SYNC_HOPS + 1 ? link : core[v];
        }
      }
    }
    const path = (end: number) => {
      const links: Link[] = [];
      for (let link = via[end]; link; link = via[link.from]) links.push(link);
      return links.reverse();
    };
    // Ends are sinks: a path to any other node continues into a longer one.
    const score = hops.map((h, end) => (h > MAX_SYNC_HOPS && nth(graph.dagOut, end).length === 0 ? h : -1));
    candidates.push(...candidatesFrom(start, score, (end) => core[end], path));
  });
  return pickWorst(candidates).map(({ candidate, path }) => {
    const nodes = pathNodes(path);
    return makeFinding('deep-sync-chain', [nth(graph.nodes, candidate.start).id, nth(graph.nodes, candidate.end).id], {
      nodeIds: nodes.map((v) => nth(graph.nodes, v).id),
      edgeIds: path.map((l) => l.edge.id),
      title: `Sync chain of ${path.length} hops: ${pathLabel(nodes.map((v) => nameAt(graph, v)))}`,
      why: WHY.deepChain,
    });
  });
}

/** Attempts an edge makes per call it receives; 1 when it does not retry. */
const attemptsOf = (link: Link): number => {
  const retry = link.edge.policy.retry;
  return retry && retry.maxAttempts > 1 ? retry.maxAttempts : 1;
};
const retries = (link: Link): boolean => attemptsOf(link) > 1;

/** Products are capped so long chains of retries stay finite and comparable. */
const MAX_FACTOR = Number.MAX_SAFE_INTEGER;

/**
 * Best path into a node: the last link, the layer state (1, or 2 for "2 or more") before it, and
 * the link of its second retrying layer once it has one.
 */
interface Step {
  readonly link: Link;
  readonly before: 0 | 1 | 2;
  readonly core: Link | undefined;
}

/** Rule retries-at-many-layers: the highest amplification between two retry-free boundaries. */
export function retriesAtManyLayers(graph: LintGraph): LintFinding[] {
  const n = graph.nodes.length;
  const anyRetry = (links: readonly Link[], flag: readonly boolean[], side: 'from' | 'to') =>
    links.some((l) => retries(l) || nth(flag, l[side]));
  // Whether a retrying edge lies upstream / downstream of each node: only paths that cannot be
  // extended with one more retrying layer are reported.
  const retryAbove = new Array<boolean>(n).fill(false);
  for (const v of graph.topo) retryAbove[v] = anyRetry(nth(graph.dagIn, v), retryAbove, 'from');
  const retryBelow = new Array<boolean>(n).fill(false);
  for (const v of [...graph.topo].reverse()) retryBelow[v] = anyRetry(nth(graph.dagOut, v), retryBelow, 'to');

  const layersBelow = heaviestBelow(graph, (l) => (retries(l) ? 1 : 0));
  const candidates: Candidate[] = [];
  graph.topo.forEach((start, from) => {
    if (nth(retryAbove, start) || !nth(graph.dagOut, start).some((l) => retries(l) && nth(layersBelow, l.to) > 0)) return;
    // best[k][v]: highest product of a path from `start` (first edge retrying) to v with k layers
    // (k = 2 means 2 or more); ending[v]: the same, 2+ layers, with a retrying last edge.
    const best = [new Array<number>(n).fill(-1), new Array<number>(n).fill(-1), new Array<number>(n).fill(-1)] as const;
    const steps = [new Array<Step | undefined>(n), new Array<Step | undefined>(n), new Array<Step | undefined>(n)] as const;
    const ending = new Array<number>(n).fill(-1);
    const endStep = new Array<Step | undefined>(n);
    const relax = (k: 1 | 2, v: number, value: number, step: Step) => {
      if (value > nth(best[k], v)) {
        best[k][v] = value;
        steps[k][v] = step;
      }
    };
    for (const link of nth(graph.dagOut, start)) {
      if (retries(link)) relax(1, link.to, attemptsOf(link), { link, before: 0, core: undefined });
    }
    for (let i = from + 1; i < graph.topo.length; i++) {
      const v = nth(graph.topo, i);
      for (const k of [1, 2] as const) {
        const value = nth(best[k], v);
        if (value < 0) continue;
        const core = k === 2 ? steps[2][v]?.core : undefined;
        for (const link of nth(graph.dagOut, v)) {
          if (!retries(link)) {
            relax(k, link.to, value, { link, before: k, core });
            continue;
          }
          const product = Math.min(value * attemptsOf(link), MAX_FACTOR);
          const step: Step = { link, before: k, core: core ?? link };
          relax(2, link.to, product, step);
          if (product > nth(ending, link.to)) {
            ending[link.to] = product;
            endStep[link.to] = step;
          }
        }
      }
    }
    const path = (end: number) => {
      const links: Link[] = [];
      for (let step = endStep[end]; step; step = step.before === 0 ? undefined : steps[step.before][step.link.from]) {
        links.push(step.link);
      }
      return links.reverse();
    };
    const score = ending.map((product, end) => (product > 0 && !nth(retryBelow, end) ? product : -1));
    candidates.push(...candidatesFrom(start, score, (end) => endStep[end]?.core, path));
  });
  return pickWorst(candidates).map(({ candidate, path }) => {
    const nodes = pathNodes(path);
    const layers = path.filter(retries).length;
    return makeFinding('retries-at-many-layers', [nth(graph.nodes, candidate.start).id, nth(graph.nodes, candidate.end).id], {
      nodeIds: nodes.map((v) => nth(graph.nodes, v).id),
      edgeIds: path.map((l) => l.edge.id),
      title: `Retries at ${layers} layers: ${pathLabel(nodes.map((v) => nameAt(graph, v)))} can multiply calls ${formatFactor(candidate.score)}`,
      why: WHY.retries,
    });
  });
}

function formatFactor(factor: number): string {
  return factor < 1_000_000 ? `${factor}x` : 'over a million times';
}
