import type { Answers, Capability, Role } from './answers';
import { ROW, X, type StarterGraph } from './starterKit';

interface Entrances {
  readonly addClient: (graph: StarterGraph, y: number) => string;
  readonly addGateway: (graph: StarterGraph, label: string, y: number) => string;
}

const COL_GATEWAY_TARGETS = X.routed;
const COL_MIDDLE = X.middle;
const COL_CONSUMERS = X.consumers;

const has = (roles: readonly Role[]) => (c: Capability) => roles.includes(c.role);

/**
 * Microservices: the gateway routes users to the request, real-time and intake capabilities;
 * the first request capability starts the cross-service transaction (a saga) when one spans
 * capabilities, and publishes background work to queues and domain events to a topic.
 */
export function addServices(graph: StarterGraph, a: Answers, { addClient, addGateway }: Entrances): void {
  const requests = a.capabilities.filter(has(['request']));
  const entry = requests[0] ?? null;
  const transaction = a.consistency !== 'local' && requests.length >= 2;
  const participants = transaction ? requests.slice(1) : [];
  const routed = a.capabilities.filter((c) => (c.role === 'request' && !participants.includes(c)) || c.role === 'realtime' || c.role === 'throughput');
  const sync = a.latency === 'critical' ? 'gRPC' : 'REST';

  const middleY = (Math.max(routed.length, 1) - 1) * ROW * 0.5;
  const users = addClient(graph, middleY);
  const gateway = addGateway(graph, 'API gateway', middleY);
  graph.connect(users, gateway, { label: 'HTTPS' });

  let middleRow = 0;
  let consumerRow = 0;
  const share = Math.max(1, Math.floor(100 / Math.max(routed.length, 1)));
  const ids = new Map<Capability, string>();
  routed.forEach((c, row) => {
    const callPercent = routed.length > 1 ? share : 100;
    if (c.role === 'throughput') {
      const queue = graph.add({ id: graph.id(`${c.name} intake`), kind: 'queue', label: `${c.name} intake`, position: { x: COL_GATEWAY_TARGETS, y: row * ROW } }, null);
      graph.connect(gateway, queue, { kind: 'async', label: 'messaging', callPercent });
      const r = Math.max(middleRow, consumerRow);
      const id = graph.serviceWithDatabase(c.name, COL_MIDDLE, r * ROW);
      graph.connect(queue, id, { kind: 'async' });
      middleRow = r + 1;
      ids.set(c, id);
      return;
    }
    const id = graph.serviceWithDatabase(c.name, COL_GATEWAY_TARGETS, row * ROW);
    graph.connect(gateway, id, { label: c.role === 'realtime' ? 'SSE / WebSocket' : sync, callPercent });
    ids.set(c, id);
  });

  const producer = entry ? (ids.get(entry) ?? gateway) : gateway;
  const steps: string[] = [];
  for (const c of participants) {
    const id = graph.serviceWithDatabase(c.name, COL_MIDDLE, middleRow++ * ROW);
    steps.push(graph.connect(producer, id, { label: sync }));
  }
  if (entry && steps.length > 0) markSaga(graph, producer, steps, requests.length >= 3 || a.consistency === 'everywhere');

  for (const c of a.capabilities.filter(has(['background']))) {
    const r = Math.max(middleRow, consumerRow);
    const queue = graph.add({ id: graph.id(`${c.name} jobs`), kind: 'queue', label: `${c.name} jobs`, position: { x: COL_MIDDLE, y: r * ROW } }, null);
    graph.connect(producer, queue, { kind: 'async', label: 'enqueue' });
    graph.connect(queue, graph.serviceWithDatabase(c.name, COL_CONSUMERS, r * ROW), { kind: 'async' });
    middleRow = r + 1;
    consumerRow = r + 1;
  }

  const subscribers = a.capabilities.filter(has(['notification', 'replication']));
  if (subscribers.length > 0) {
    const r = Math.max(middleRow, consumerRow);
    const topic = graph.add({ id: graph.id('domain-events'), kind: 'topic', label: 'Domain events', position: { x: COL_MIDDLE, y: r * ROW } }, null);
    graph.connect(producer, topic, { kind: 'async', label: 'publish' });
    subscribers.forEach((c, i) => {
      const name = c.role === 'replication' ? `${c.name} read model` : c.name;
      graph.connect(topic, graph.serviceWithDatabase(name, COL_CONSUMERS, (r + i) * ROW), { kind: 'async' });
    });
  }
}

/** Turns the entry's calls into saga steps; the compensations are left for the user to add. */
function markSaga(graph: StarterGraph, serviceId: string, steps: readonly string[], orchestrate: boolean): void {
  const index = graph.nodes.findIndex((n) => n.id === serviceId);
  const node = graph.nodes[index];
  if (!node || node.kind !== 'service') return;
  graph.nodes[index] = {
    ...node,
    description: `Starts the transaction that spans services as a saga (${orchestrate ? 'orchestration: this service coordinates the steps' : 'choreography: each step reacts to the one before'}). Each step still needs a compensating call that undoes it: add one per step in the inspector.`,
    saga: { coordination: orchestrate ? 'orchestration' : 'choreography', steps: steps.map((action) => ({ action, compensation: null })) },
  };
}
