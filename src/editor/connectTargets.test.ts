import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario, connectionProblem } from '../model';
import { connectDrop, connectTargets, connectTo, filterTargets, messageAnchor, nodeAt } from './connectTargets';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';

const checkout = builtInScenario(CHECKOUT_SCENARIO);

describe('connectTargets', () => {
  it('lists every other node, the valid targets first, with the edge kind it would get', () => {
    const targets = connectTargets(checkout, 'order-service');
    expect(targets.map((t) => t.id)).not.toContain('order-service');
    expect(targets).toHaveLength(checkout.nodes.length - 1);
    const firstInvalid = targets.findIndex((t) => t.problem !== null);
    expect(targets.slice(firstInvalid).every((t) => t.problem !== null)).toBe(true);
    expect(targets.find((t) => t.id === 'payment-db')).toMatchObject({ problem: null, edgeKind: 'sync', name: 'Payment DB', kindLabel: 'Database' });
    expect(targets.find((t) => t.id === 'order-events')).toMatchObject({ edgeKind: 'async' });
  });

  it('gives the model\'s own reason for each invalid target', () => {
    const targets = connectTargets(checkout, 'order-service');
    const shoppers = checkout.nodes.find((n) => n.id === 'shoppers');
    const order = checkout.nodes.find((n) => n.id === 'order-service');
    if (!shoppers || !order) throw new Error('fixture changed');
    expect(targets.find((t) => t.id === 'shoppers')?.problem).toBe(connectionProblem(order, shoppers, 'sync', checkout.edges));
    expect(targets.find((t) => t.id === 'orders-db')?.problem).toMatch(/already connected/);
  });

  it('a database has no valid target, and an unknown node has no targets at all', () => {
    expect(connectTargets(checkout, 'orders-db').every((t) => t.problem !== null)).toBe(true);
    expect(connectTargets(checkout, 'nope')).toEqual([]);
  });
});

describe('filterTargets', () => {
  const targets = connectTargets(checkout, 'order-service');

  it('matches every word against the name, the kind and the id, in any case', () => {
    expect(filterTargets(targets, 'pay DB').map((t) => t.id)).toEqual(['payment-db']);
    expect(filterTargets(targets, 'QUEUE').map((t) => t.id)).toEqual(['order-events']);
    expect(filterTargets(targets, 'card-net').map((t) => t.id)).toEqual(['card-network']);
  });

  it('an empty query keeps them all, a query that matches nothing keeps none', () => {
    expect(filterTargets(targets, '  ')).toHaveLength(targets.length);
    expect(filterTargets(targets, 'zebra')).toEqual([]);
  });
});

describe('nodeAt', () => {
  const nodes = [
    { id: 'under', position: { x: 0, y: 0 } },
    { id: 'over', position: { x: 100, y: 40 } },
  ];

  it('finds the node whose body holds the point, the one drawn on top first', () => {
    expect(nodeAt(nodes, { x: 10, y: 10 })).toBe('under');
    expect(nodeAt(nodes, { x: 150, y: 60 })).toBe('over');
    expect(nodeAt(nodes, { x: NODE_WIDTH + 100, y: 40 + NODE_HEIGHT })).toBe('over');
  });

  it('is null on the empty pane', () => {
    expect(nodeAt(nodes, { x: -1, y: 10 })).toBeNull();
    expect(nodeAt(nodes, { x: 500, y: 500 })).toBeNull();
  });
});

describe('connectDrop', () => {
  it('from an out handle, connects the start node to the node dropped on', () => {
    const result = connectDrop(checkout, { nodeId: 'payment-service', handleType: 'source' }, 'order-events');
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.edges.find((e) => e.id === result.id)).toMatchObject({ from: 'payment-service', to: 'order-events', kind: 'async' });
  });

  it('from an in handle, connects the node dropped on to the start node', () => {
    const result = connectDrop(checkout, { nodeId: 'payment-db', handleType: 'target' }, 'inventory-service');
    if (!result.ok) throw new Error(result.reason);
    expect(result.scenario.edges.find((e) => e.id === result.id)).toMatchObject({ from: 'inventory-service', to: 'payment-db', kind: 'sync' });
  });

  it('refuses a self loop, a duplicate edge and a call into a client, each with its reason', () => {
    const self = connectDrop(checkout, { nodeId: 'order-service', handleType: 'source' }, 'order-service');
    expect(self).toEqual({ ok: false, reason: 'A node cannot call itself.' });
    expect(connectTo(checkout, 'order-service', 'orders-db')).toMatchObject({ ok: false, reason: expect.stringMatching(/already connected/) });
    expect(connectTo(checkout, 'order-service', 'shoppers')).toMatchObject({ ok: false, reason: expect.stringMatching(/nothing can call it/) });
    expect(connectTo(checkout, 'orders-db', 'card-network')).toMatchObject({ ok: false, reason: expect.stringMatching(/database/) });
  });

  it('refuses ends that are not in the scenario', () => {
    expect(connectDrop(checkout, { nodeId: 'gone', handleType: 'source' }, 'orders-db').ok).toBe(false);
  });
});

describe('messageAnchor', () => {
  const canvas = { width: 1000, height: 600 };

  it('puts the message beside the pointer', () => {
    expect(messageAnchor({ x: 100, y: 100 }, canvas)).toEqual({ left: 100, top: 100, alignRight: false, alignBottom: false });
  });

  it('turns it inwards near the right and bottom edges, so it stays on the canvas', () => {
    expect(messageAnchor({ x: 900, y: 580 }, canvas)).toMatchObject({ alignRight: true, alignBottom: true });
  });
});
