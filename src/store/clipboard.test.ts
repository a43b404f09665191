import { describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, restore, serializeScenario, type Scenario, type ScenarioNode } from '../model';
import { PASTE_OFFSET, copySelection, pasteSnippet, type Snippet } from './clipboard';
import { allIds } from './edits';

function expectRestorable(scenario: Scenario): void {
  const result = restore(JSON.parse(serializeScenario(scenario)));
  if (!result.ok) throw new Error(`expected a restorable scenario: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  expect(result.ok).toBe(true);
}

function node(scenario: Scenario, id: string): ScenarioNode {
  const found = scenario.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function snippetOf(scenario: Scenario, ids: string[]): Snippet {
  const snippet = copySelection(scenario, new Set(ids));
  if (!snippet) throw new Error('expected a snippet');
  return snippet;
}

/** Checkout with a saga on the order service: reserve stock (compensated via the orders DB), then pay. */
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

describe('copySelection', () => {
  it('takes the selected nodes and only the edges between them', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const snippet = snippetOf(s, ['order-service', 'orders-db', 'payment-service']);
    expect(snippet.nodes.map((n) => n.id)).toEqual(['order-service', 'orders-db', 'payment-service']);
    expect(snippet.edges.map((e) => e.id).sort()).toEqual(['order-db', 'order-payment']);
  });

  it('returns null when no selected id is a node', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    expect(copySelection(s, new Set())).toBeNull();
    expect(copySelection(s, new Set(['order-payment', 'ghost']))).toBeNull();
  });
});

describe('pasteSnippet', () => {
  it('adds copies with fresh unique ids, remapped edges and positions shifted by the offset', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const snippet = snippetOf(s, ['order-service', 'orders-db']);
    const before = allIds(s);
    const { scenario, nodeIds, edgeIds } = pasteSnippet(s, snippet, 25);

    expect(nodeIds).toHaveLength(2);
    expect(edgeIds).toHaveLength(1);
    for (const id of [...nodeIds, ...edgeIds]) expect(before.has(id)).toBe(false);
    expect(new Set([...nodeIds, ...edgeIds]).size).toBe(3);
    expect(scenario.nodes).toHaveLength(s.nodes.length + 2);
    expect(scenario.edges).toHaveLength(s.edges.length + 1);

    const [orderCopy, dbCopy] = nodeIds;
    if (orderCopy === undefined || dbCopy === undefined) throw new Error('expected two ids');
    expect(node(scenario, orderCopy).position).toEqual({ x: 525, y: 285 });
    expect(node(scenario, dbCopy).position).toEqual({ x: 525, y: 465 });
    expect(node(scenario, orderCopy).label).toBe('Order service');

    const edge = scenario.edges.find((e) => e.id === edgeIds[0]);
    expect(edge).toMatchObject({ from: orderCopy, to: dbCopy });
    expect(edge?.policy).toEqual(s.edges.find((e) => e.id === 'order-db')?.policy);
    // The original is left as it was.
    expect(scenario.nodes.slice(0, s.nodes.length)).toEqual(s.nodes);
    expectRestorable(scenario);
  });

  it('uses PASTE_OFFSET when no offset is given', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const { scenario, nodeIds } = pasteSnippet(s, snippetOf(s, ['shoppers']));
    expect(node(scenario, nodeIds[0] ?? '').position).toEqual({ x: PASTE_OFFSET, y: 260 + PASTE_OFFSET });
  });

  it('gives unique ids when the same snippet is pasted twice', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const snippet = snippetOf(s, ['order-service', 'orders-db']);
    const once = pasteSnippet(s, snippet);
    const twice = pasteSnippet(once.scenario, snippet, 2 * PASTE_OFFSET);
    const ids = [...once.nodeIds, ...once.edgeIds, ...twice.nodeIds, ...twice.edgeIds];
    expect(new Set(ids).size).toBe(ids.length);
    expectRestorable(twice.scenario);
  });

  it('keeps groups that exist in the target and drops unknown group references', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const snippet = snippetOf(s, ['order-service', 'payment-db']);
    const blank = builtInScenario(BLANK_SCENARIO);
    const target: Scenario = { ...blank, groups: [{ id: 'ordering', label: 'Orders' }] };
    const { scenario, nodeIds } = pasteSnippet(target, snippet);
    const [orderCopy, dbCopy] = nodeIds;
    expect(node(scenario, orderCopy ?? '').group).toBe('ordering');
    expect('group' in node(scenario, dbCopy ?? '')).toBe(false);
    // The snippet itself is not changed.
    expect(snippet.nodes[1]?.group).toBe('payments');
    expectRestorable(scenario);
  });

  it('drops saga steps whose edges were not copied and clears compensations that were not copied', () => {
    const s = withSaga();
    const snippet = snippetOf(s, ['order-service', 'inventory-service']);
    const { scenario, nodeIds, edgeIds } = pasteSnippet(s, snippet);
    const copy = node(scenario, nodeIds[0] ?? '');
    if (copy.kind !== 'service') throw new Error('expected a service');
    expect(copy.saga?.steps).toEqual([{ action: edgeIds[0], compensation: null }]);
    expect(scenario.edges.find((e) => e.id === edgeIds[0])).toMatchObject({ from: nodeIds[0], to: nodeIds[1] });
    // The original saga is untouched.
    const original = node(scenario, 'order-service');
    if (original.kind !== 'service') throw new Error('expected a service');
    expect(original.saga?.steps).toHaveLength(2);
    expectRestorable(scenario);
  });

  it('remaps saga compensations that were copied', () => {
    const s = withSaga();
    const snippet = snippetOf(s, ['order-service', 'inventory-service', 'orders-db']);
    const { scenario, nodeIds, edgeIds } = pasteSnippet(s, snippet);
    const copyOf = new Map(snippet.nodes.map((n, i) => [n.id, nodeIds[i]]));
    const copy = node(scenario, copyOf.get('order-service') ?? '');
    if (copy.kind !== 'service') throw new Error('expected a service');
    const step = copy.saga?.steps[0];
    expect(copy.saga?.steps).toHaveLength(1);
    expect(edgeIds).toContain(step?.action);
    expect(edgeIds).toContain(step?.compensation);
    expect(scenario.edges.find((e) => e.id === step?.action)?.to).toBe(copyOf.get('inventory-service'));
    expect(scenario.edges.find((e) => e.id === step?.compensation)?.to).toBe(copyOf.get('orders-db'));
    expectRestorable(scenario);
  });

  it('can paste into another scenario that already uses the ids', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    const snippet = snippetOf(s, ['api-gateway', 'order-service']);
    const { scenario, nodeIds } = pasteSnippet(s, snippet);
    expect(nodeIds).not.toContain('api-gateway');
    expect(nodeIds).not.toContain('order-service');
    expectRestorable(scenario);
  });
});
