import { CURRENT_VERSION, FORMAT, type ScenarioInput } from '../model';
import type { Answers, Capability } from './answers';
import { firstExtraction } from './advisors';
import { OUTCOME_LABELS, type Outcome } from './rules';
import { CLIENT_RATE_PER_SEC, DATABASE_READ, DATABASE_WRITE, DB_OFFSET, GATEWAY_TIME, MONOLITH_TIME, ROW, StarterGraph, X } from './starterKit';
import { applyPolicies } from './starterPolicies';
import { addServices } from './starterServices';

const list = (caps: readonly Capability[]) => caps.map((c) => c.name).join(', ');

function addClient(graph: StarterGraph, y: number): string {
  return graph.add({ id: graph.id('users'), kind: 'client', label: 'Users', position: { x: 0, y }, workload: { ratePerSec: CLIENT_RATE_PER_SEC } }, null);
}

function addGateway(graph: StarterGraph, label: string, y: number): string {
  return graph.add({ id: graph.id('api-gateway'), kind: 'gateway', label, position: { x: X.gateway, y }, serviceTime: GATEWAY_TIME }, GATEWAY_TIME);
}

/** One deployable (with the capabilities as modules) and its one database. */
function addMonolith(graph: StarterGraph, label: string, modules: readonly Capability[], x: number, y: number, modular: boolean): string {
  const id = graph.id(label);
  const group = graph.group(
    graph.id(`${label} deployable`),
    `${label}: ${list(modules)}`.slice(0, 120),
    `One deployable${modular ? ' with enforced module boundaries' : ''}. Modules: ${list(modules)}.`,
  );
  graph.add(
    {
      id,
      kind: 'service',
      label,
      description: `Modules: ${list(modules)}.${modular ? ' Each module has a public interface and its own schema; nothing reaches into another module\u2019s tables.' : ''}`,
      group,
      position: { x, y },
      replicas: 2,
      workers: 32,
      serviceTime: MONOLITH_TIME,
    },
    MONOLITH_TIME,
  );
  const db = graph.add(
    {
      id: graph.id(`${label} db`),
      kind: 'database',
      label: modular ? 'Database (a schema per module)' : 'Database',
      group,
      position: { x: x + DB_OFFSET.x, y: y + DB_OFFSET.y },
      workers: 30,
      readLatency: DATABASE_READ,
      writeLatency: DATABASE_WRITE,
    },
    DATABASE_WRITE,
  );
  graph.connect(id, db);
  return id;
}

function monolithStarter(graph: StarterGraph, a: Answers, modular: boolean): void {
  const users = addClient(graph, 0);
  const app = addMonolith(graph, modular ? 'Modular monolith' : 'Monolith', a.capabilities, X.gateway + 40, 0, modular);
  graph.connect(users, app, { label: 'HTTPS' });
}

function stranglerStarter(graph: StarterGraph, a: Answers): void {
  const first = firstExtraction(a).capability;
  const remaining = a.capabilities.filter((c) => c !== first);
  const synchronous = first.role === 'request' || first.role === 'realtime';
  // Reached through the facade: below the monolith. Reached by messages: right of the broker.
  const entranceY = synchronous ? ROW / 2 : 0;
  const users = addClient(graph, entranceY);
  const facade = addGateway(graph, 'Strangler facade (gateway)', entranceY);
  graph.connect(users, facade, { label: 'HTTPS' });
  const legacy = addMonolith(graph, 'Monolith', remaining.length ? remaining : a.capabilities, X.routed, 0, false);
  const share = Math.max(5, Math.round(100 / a.capabilities.length));
  graph.connect(facade, legacy, { label: 'REST (not yet moved)', ...(synchronous ? { callPercent: 100 - share } : {}) });
  const extracted = graph.serviceWithDatabase(first.name, synchronous ? X.routed : X.consumers, synchronous ? ROW : 0, {
    description: 'Extracted first from the monolith. Its traffic moves over through the facade; retire its code in the monolith once it is done.',
  });
  if (synchronous) {
    graph.connect(facade, extracted, { label: first.role === 'realtime' ? 'SSE / WebSocket' : 'REST (moved)', callPercent: share });
    return;
  }
  const kind = first.role === 'notification' || first.role === 'replication' ? 'topic' : 'queue';
  const broker = graph.add(
    { id: graph.id(kind === 'topic' ? 'domain-events' : `${first.name} jobs`), kind, label: kind === 'topic' ? 'Domain events' : `${first.name} jobs`, position: { x: X.middle, y: 0 } },
    null,
  );
  graph.connect(legacy, broker, { kind: 'async', label: 'publish' });
  graph.connect(broker, extracted, { kind: 'async' });
}

/**
 * A runnable starting point for the verdict: one service per capability with its own database,
 * a gateway, queues and topics where the communication advice asks for them, the resilience
 * policies on every edge; for a monolith, one deployable with the capabilities as modules.
 */
export function buildStarter(a: Answers, outcome: Outcome): ScenarioInput {
  const graph = new StarterGraph();
  if (outcome === 'monolith' || outcome === 'modular-monolith') monolithStarter(graph, a, outcome === 'modular-monolith');
  else if (outcome === 'strangler-fig') stranglerStarter(graph, a);
  else addServices(graph, a, { addClient, addGateway });
  applyPolicies(graph, CLIENT_RATE_PER_SEC);
  const title = `${OUTCOME_LABELS[outcome]}: ${list(a.capabilities)}`.slice(0, 120);
  return {
    title,
    metadata: {
      description: `Starter from the decision wizard (${OUTCOME_LABELS[outcome].toLowerCase()}). ${CLIENT_RATE_PER_SEC} requests per second; every call has a timeout derived from the p99 behind it. Add faults to see how it fails.`,
      tags: ['wizard', outcome],
    },
    settings: { durationS: 60, seed: 7 },
    groups: graph.groups,
    nodes: graph.nodes,
    edges: graph.edges,
  };
}

/** The starter in the versioned envelope, as a file would carry it (restore reads it without warnings). */
export function starterDocument(a: Answers, outcome: Outcome): { format: typeof FORMAT; version: number; scenario: ScenarioInput } {
  return { format: FORMAT, version: CURRENT_VERSION, scenario: buildStarter(a, outcome) };
}
