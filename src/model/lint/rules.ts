import { isBroker } from '../nodes';
import { nth, type LintGraph, type Link } from './graph';
import { listNames, makeFinding, nameAt, type LintFinding } from './types';

const WHY = {
  sharedDatabase:
    "A shared database ties its callers' schemas and releases together, so one team's migration can break another team's service and one caller's heavy queries slow down all of them.",
  noTimeout:
    "Without a timeout the caller waits as long as the callee takes, so a hung dependency holds the caller's workers until the caller stops answering too.",
  cycle:
    'Services that wait on each other in a loop can hold all of each other\'s workers until every one of them is stuck, and a request may go round the loop without end.',
  noConsumer:
    'Messages published here are never processed: they pile up until the broker is full, and then publishing starts to fail.',
  uncalled: 'Nothing sends it traffic, so it takes no part in the simulation: connect it to a caller or remove it.',
} as const;

/** Kinds that pass a call on rather than own the data: their callers are the real users. */
const passesThrough = (graph: LintGraph, v: number): boolean => {
  const kind = nth(graph.nodes, v).kind;
  return kind === 'cache' || kind === 'loadBalancer';
};

/** Rule shared-database: one finding per database used by 2+ services or gateways. */
export function sharedDatabase(graph: LintGraph): LintFinding[] {
  const findings: LintFinding[] = [];
  graph.nodes.forEach((db, d) => {
    if (db.kind !== 'database') return;
    const owners = new Set<number>();
    const via = new Set<number>();
    const edges = new Set<Link>();
    // Memo of "leads to an owner" per intermediate; `false` while in progress breaks loops.
    const memo = new Map<number, boolean>();
    const attribute = (link: Link): boolean => {
      const u = link.from;
      const kind = nth(graph.nodes, u).kind;
      let found = false;
      if (kind === 'service' || kind === 'gateway') {
        owners.add(u);
        found = true;
      } else if (passesThrough(graph, u)) {
        const known = memo.get(u);
        if (known !== undefined) {
          found = known;
        } else {
          memo.set(u, false);
          for (const up of nth(graph.syncIn, u)) found = attribute(up) || found;
          memo.set(u, found);
          if (found) via.add(u);
        }
      }
      if (found) edges.add(link);
      return found;
    };
    for (const link of nth(graph.syncIn, d)) attribute(link);
    if (owners.size < 2) return;
    const ownerList = [...owners].sort((a, b) => a - b);
    const marked = [...ownerList, ...[...via].sort((a, b) => a - b), d];
    findings.push(
      makeFinding('shared-database', [db.id], {
        nodeIds: marked.map((v) => nth(graph.nodes, v).id),
        edgeIds: graph.links.filter((l) => edges.has(l)).map((l) => l.edge.id),
        title: `${listNames(ownerList.map((v) => nameAt(graph, v)))} share ${nameAt(graph, d)}`,
        why: WHY.sharedDatabase,
      }),
    );
  });
  return findings;
}

/** Rule sync-without-timeout: one finding per sync edge with no timeout, client edges included. */
export function syncWithoutTimeout(graph: LintGraph): LintFinding[] {
  return graph.links
    .filter((l) => l.edge.kind === 'sync' && l.edge.policy.timeoutMs === null)
    .map((l) =>
      makeFinding('sync-without-timeout', [l.edge.id], {
        nodeIds: [nth(graph.nodes, l.from).id, nth(graph.nodes, l.to).id],
        edgeIds: [l.edge.id],
        title: `${nameAt(graph, l.from)} calls ${nameAt(graph, l.to)} with no timeout`,
        why: WHY.noTimeout,
      }),
    );
}

/** Rule sync-cycle: one error per component of sync edges with 2+ nodes, or with a self-loop. */
export function syncCycles(graph: LintGraph): LintFinding[] {
  const cycles = graph.components
    .filter((members) => members.length > 1 || nth(graph.syncOut, nth(members, 0)).some((l) => l.to === l.from))
    .map((members) => [...members].sort((a, b) => a - b))
    .sort((a, b) => nth(a, 0) - nth(b, 0));
  return cycles.map((members) => {
    const inside = new Set(members);
    const ids = members.map((v) => nth(graph.nodes, v).id);
    const names = members.map((v) => nameAt(graph, v));
    const title =
      members.length === 1
        ? `${nth(names, 0)} calls itself synchronously`
        : `Sync calls loop ${members.length === 2 ? 'between' : 'through'} ${listNames(names)}`;
    return makeFinding('sync-cycle', ids, {
      nodeIds: ids,
      edgeIds: graph.links
        .filter((l) => l.edge.kind === 'sync' && inside.has(l.from) && inside.has(l.to))
        .map((l) => l.edge.id),
      title,
      why: WHY.cycle,
    });
  });
}

/** Rule queue-without-consumer: a queue or topic with no outgoing edge. */
export function queuesWithoutConsumer(graph: LintGraph): LintFinding[] {
  const findings: LintFinding[] = [];
  graph.nodes.forEach((node, v) => {
    if (!isBroker(node.kind) || nth(graph.outgoing, v).length > 0) return;
    const name = nameAt(graph, v);
    findings.push(
      makeFinding('queue-without-consumer', [node.id], {
        nodeIds: [node.id],
        edgeIds: [],
        title: node.kind === 'topic' ? `Nobody subscribes to ${name}` : `Nobody consumes ${name}`,
        why: WHY.noConsumer,
      }),
    );
  });
  return findings;
}

/** Rule uncalled-node: a node other than a client that no other node calls or sends messages to. */
export function uncalledNodes(graph: LintGraph): LintFinding[] {
  const findings: LintFinding[] = [];
  graph.nodes.forEach((node, v) => {
    if (node.kind === 'client' || nth(graph.incoming, v).some((l) => l.from !== v)) return;
    findings.push(
      makeFinding('uncalled-node', [node.id], {
        nodeIds: [node.id],
        edgeIds: [],
        title: `Nothing calls ${nameAt(graph, v)}`,
        why: WHY.uncalled,
      }),
    );
  });
  return findings;
}
