import { describe, expect, it } from 'vitest';
import {
  BLANK_SCENARIO,
  CHECKOUT_SCENARIO,
  ID_PATTERN,
  LIMITS,
  builtInScenario,
  connectionProblem,
  restore,
  serializeScenario,
  type Scenario,
  type ScenarioNode,
} from '../model';
import {
  addFault,
  addNode,
  allIds,
  connect,
  groupNodes,
  moveNodes,
  removeFault,
  removeItems,
  renameGroup,
  ungroupNodes,
  uniqueId,
  updateEdge,
  updateFault,
  updateNode,
} from './edits';

function expectRestorable(scenario: Scenario): Scenario {
  const result = restore(JSON.parse(serializeScenario(scenario)));
  if (!result.ok) throw new Error(`expected a restorable scenario: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  expect(result.ok).toBe(true);
  return result.scenario;
}

function node(scenario: Scenario, id: string): ScenarioNode {
  const found = scenario.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const checkout = () => builtInScenario(CHECKOUT_SCENARIO);
const blank = () => builtInScenario(BLANK_SCENARIO);

/** Checkout with a saga on the order service: reserve stock (compensated by a refund call), then pay. */
function withSaga(): Scenario {
  const base = builtInScenario(CHECKOUT_SCENARIO);
  const steps = [
    { action: 'order-inventory', compensation: 'order-db' },
    { action: 'order-payment', compensation: null },
  ];
  return {
    ...base,
    nodes: base.nodes.map((n) =>
      n.kind === 'service' && n.id === 'order-service' ? { ...n, saga: { coordination: 'orchestration' as const, steps } } : n,
    ),
  };
}

describe('uniqueId', () => {
  it('returns prefix-1 when nothing is taken and the first free number otherwise', () => {
    expect(uniqueId('service', new Set())).toBe('service-1');
    expect(uniqueId('service', new Set(['service-1', 'service-2', 'service-4']))).toBe('service-3');
  });

  it('turns any prefix into a valid id', () => {
    for (const prefix of ['Payments Team!', '--lead', '', '***', 'é', 'x'.repeat(200)]) {
      const id = uniqueId(prefix, new Set());
      expect(id).toMatch(ID_PATTERN);
      expect(id.length).toBeLessThanOrEqual(LIMITS.maxIdLength);
    }
    expect(uniqueId('Payments Team!', new Set())).toBe('Payments-Team--1');
    expect(uniqueId('--lead', new Set())).toBe('lead-1');
    expect(uniqueId('', new Set())).toBe('item-1');
  });

  it('allIds collects node, edge, fault and group ids', () => {
    const ids = allIds(checkout());
    for (const id of ['shoppers', 'order-payment', 'slow-payment-db', 'ordering']) expect(ids.has(id)).toBe(true);
  });
});

describe('addNode', () => {
  it('adds a node with every default filled in and a numbered label', () => {
    const { scenario, id } = addNode(blank(), 'service', { x: 10, y: 20 });
    const added = node(scenario, id);
    expect(id).toBe('service-1');
    expect(added.kind).toBe('service');
    expect(added.label).toBe('Service 1');
    expect(added.position).toEqual({ x: 10, y: 20 });
    if (added.kind !== 'service') throw new Error('expected a service');
    expect(added.replicas).toBe(1);
    expect(added.workers).toBe(16);
    expect(added.saga).toBeNull();
    expectRestorable(scenario);
  });

  it('gives the second service a fresh id and the label "Service 2"', () => {
    const first = addNode(blank(), 'service', { x: 0, y: 0 });
    const second = addNode(first.scenario, 'service', { x: 100, y: 0 });
    expect(second.id).not.toBe(first.id);
    expect(node(second.scenario, second.id).label).toBe('Service 2');
    expect(second.scenario.nodes).toHaveLength(3);
    expectRestorable(second.scenario);
  });

  it('avoids ids taken by any kind of item', () => {
    const s = blank();
    const taken: Scenario = { ...s, groups: [{ id: 'db-1', label: 'A group' }] };
    const { id } = addNode(taken, 'database', { x: 0, y: 0 });
    expect(id).toBe('db-2');
  });

  it('leaves the input scenario untouched', () => {
    const s = blank();
    const nodes = s.nodes;
    addNode(s, 'cache', { x: 0, y: 0 });
    expect(s.nodes).toBe(nodes);
    expect(s.nodes).toHaveLength(1);
  });
});

describe('connect', () => {
  function twoServices(): Scenario {
    const a = addNode(blank(), 'service', { x: 0, y: 0 });
    return addNode(a.scenario, 'service', { x: 200, y: 0 }).scenario;
  }

  it('adds an edge with every default filled in', () => {
    const result = connect(twoServices(), 'service-1', 'service-2', 'sync');
    if (!result.ok) throw new Error(result.reason);
    const edge = result.scenario.edges.find((e) => e.id === result.id);
    expect(edge).toMatchObject({ from: 'service-1', to: 'service-2', kind: 'sync', callPercent: 100, count: 1, optional: false });
    expect(edge?.latency).toEqual({ dist: 'constant', valueMs: 1 });
    expect(edge?.policy).toBeDefined();
    expect(result.id).toBe('service-1-service-2-1');
    expectRestorable(result.scenario);
  });

  it('refuses what connectionProblem refuses, with its reason', () => {
    const s = twoServices();
    const a = node(s, 'service-1');
    const client = node(s, 'client');
    const cases: [string, string, 'sync' | 'async'][] = [
      ['service-1', 'service-1', 'sync'],
      ['service-1', 'client', 'sync'],
      ['service-1', 'service-2', 'async'],
    ];
    for (const [from, to, kind] of cases) {
      const result = connect(s, from, to, kind);
      const expected = connectionProblem(node(s, from), node(s, to), kind, s.edges);
      expect(expected).not.toBeNull();
      expect(result).toEqual({ ok: false, reason: expected });
    }
    expect(connectionProblem(a, client, 'sync', [])).toBe('A client only sends traffic: nothing can call it.');
  });

  it('refuses a second edge in the same direction', () => {
    const first = connect(twoServices(), 'service-1', 'service-2', 'sync');
    if (!first.ok) throw new Error(first.reason);
    const again = connect(first.scenario, 'service-1', 'service-2', 'sync');
    expect(again).toEqual({ ok: false, reason: 'These two nodes are already connected in this direction.' });
  });

  it('refuses ends that are not nodes of the scenario', () => {
    const result = connect(twoServices(), 'service-1', 'nowhere', 'sync');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/nodes of this scenario/);
  });
});

describe('removeItems', () => {
  it('returns the same scenario when asked to remove nothing', () => {
    const s = checkout();
    expect(removeItems(s, new Set(), new Set())).toBe(s);
  });

  it('removes a node with every edge that touches it and the faults that target it', () => {
    const s = removeItems(checkout(), new Set(['payment-db']), new Set());
    expect(s.nodes.some((n) => n.id === 'payment-db')).toBe(false);
    expect(s.edges.some((e) => e.id === 'payment-db-edge')).toBe(false);
    expect(s.faults).toEqual([]);
    expectRestorable(s);
  });

  it('removes faults that target an edge removed along with its node', () => {
    const base = checkout();
    const withPartition = addFault(base, 'partition', 'order-payment', 5, 5);
    const s = removeItems(withPartition.scenario, new Set(['payment-service']), new Set());
    expect(s.edges.some((e) => e.id === 'order-payment')).toBe(false);
    expect(s.faults.some((f) => f.id === withPartition.id)).toBe(false);
    expectRestorable(s);
  });

  it('removes faults that target a removed edge and keeps the others', () => {
    const withPartition = addFault(checkout(), 'partition', 'order-payment', 5, 5);
    const s = removeItems(withPartition.scenario, new Set(), new Set(['order-payment']));
    expect(s.faults.map((f) => f.id)).toEqual(['slow-payment-db']);
    expectRestorable(s);
  });

  it('drops saga steps whose action edge is gone and clears compensations whose edge is gone', () => {
    const saga = withSaga();
    expectRestorable(saga);
    const s = removeItems(saga, new Set(['orders-db']), new Set(['order-payment']));
    const order = node(s, 'order-service');
    if (order.kind !== 'service') throw new Error('expected a service');
    expect(order.saga?.steps).toEqual([{ action: 'order-inventory', compensation: null }]);
    expectRestorable(s);
  });

  it('keeps the identity of nodes it did not change', () => {
    const before = checkout();
    const s = removeItems(before, new Set(['notifications-db']), new Set());
    expect(node(s, 'order-service')).toBe(node(before, 'order-service'));
    expect(s.edges.find((e) => e.id === 'order-payment')).toBe(before.edges.find((e) => e.id === 'order-payment'));
  });
});

describe('moveNodes', () => {
  it('moves the given nodes and keeps the identity of the others', () => {
    const before = checkout();
    const s = moveNodes(before, new Map([['order-service', { x: 1, y: 2 }]]));
    expect(node(s, 'order-service').position).toEqual({ x: 1, y: 2 });
    for (const n of before.nodes) {
      if (n.id !== 'order-service') expect(node(s, n.id)).toBe(n);
    }
    expect(node(before, 'order-service').position).toEqual({ x: 500, y: 260 });
    expectRestorable(s);
  });

  it('returns the same scenario when nothing moves', () => {
    const before = checkout();
    expect(moveNodes(before, new Map())).toBe(before);
    expect(moveNodes(before, new Map([['order-service', { x: 500, y: 260 }]]))).toBe(before);
    expect(moveNodes(before, new Map([['no-such-node', { x: 1, y: 1 }]]))).toBe(before);
  });
});

describe('updateNode and updateEdge', () => {
  it('replaces only the named node or edge', () => {
    const before = checkout();
    const s = updateNode(before, 'orders-db', (n) => ({ ...n, label: 'Orders' }));
    expect(node(s, 'orders-db').label).toBe('Orders');
    expect(node(s, 'shoppers')).toBe(node(before, 'shoppers'));
    const t = updateEdge(s, 'order-db', (e) => ({ ...e, callPercent: 50 }));
    expect(t.edges.find((e) => e.id === 'order-db')?.callPercent).toBe(50);
    expectRestorable(t);
  });
});

describe('groups', () => {
  it('groupNodes puts the nodes in a new context with an id made from its label', () => {
    const before = blank();
    const a = addNode(before, 'service', { x: 0, y: 0 });
    const b = addNode(a.scenario, 'service', { x: 0, y: 100 });
    const { scenario, id } = groupNodes(b.scenario, new Set([a.id, b.id]), 'Payments Team');
    expect(id).toBe('payments-team-1');
    expect(scenario.groups).toEqual([{ id, label: 'Payments Team' }]);
    expect(node(scenario, a.id).group).toBe(id);
    expect(node(scenario, b.id).group).toBe(id);
    expect(node(scenario, 'client').group).toBeUndefined();
    expectRestorable(scenario);
  });

  it('ungroupNodes takes the nodes out and removes contexts left empty', () => {
    const s = ungroupNodes(checkout(), new Set(['payment-service', 'payment-db']));
    expect(node(s, 'payment-service').group).toBeUndefined();
    expect('group' in node(s, 'payment-db')).toBe(false);
    expect(s.groups.map((g) => g.id)).toEqual(['ordering', 'stock', 'messaging']);
    expectRestorable(s);
  });

  it('ungroupNodes keeps a context that still has members', () => {
    const s = ungroupNodes(checkout(), new Set(['order-service']));
    expect(s.groups.some((g) => g.id === 'ordering')).toBe(true);
    expect(node(s, 'orders-db').group).toBe('ordering');
    expectRestorable(s);
  });

  it('renameGroup changes only the label', () => {
    const s = renameGroup(checkout(), 'stock', 'Stock');
    expect(s.groups.find((g) => g.id === 'stock')).toEqual({ id: 'stock', label: 'Stock' });
    expectRestorable(s);
  });
});

describe('faults', () => {
  it('addFault adds a fault with the kind defaults and a unique id', () => {
    const first = addFault(checkout(), 'error', 'order-service', 5, 10);
    const fault = first.scenario.faults.find((f) => f.id === first.id);
    expect(first.id).toBe('error-order-service-1');
    expect(fault).toMatchObject({ kind: 'error', target: 'order-service', startS: 5, durationS: 10, percent: 50 });
    const second = addFault(first.scenario, 'error', 'order-service', 30, 10);
    expect(second.id).toBe('error-order-service-2');
    expectRestorable(second.scenario);
  });

  it('updateFault changes the named fault and keeps the scenario when the update changes nothing', () => {
    const before = checkout();
    const s = updateFault(before, 'slow-payment-db', (f) => ({ ...f, startS: 30 }));
    expect(s.faults[0]?.startS).toBe(30);
    expect(before.faults[0]?.startS).toBe(20);
    expectRestorable(s);
    expect(updateFault(before, 'slow-payment-db', (f) => f)).toBe(before);
    expect(updateFault(before, 'no-such-fault', (f) => ({ ...f, startS: 1 }))).toBe(before);
  });

  it('removeFault removes only the named fault', () => {
    const added = addFault(checkout(), 'crash', 'orders-db', 1, 2);
    const s = removeFault(added.scenario, 'slow-payment-db');
    expect(s.faults.map((f) => f.id)).toEqual([added.id]);
    expectRestorable(s);
  });
});
