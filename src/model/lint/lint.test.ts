import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO } from '../defaultScenario';
import { builtInScenario } from '../kinds';
import type { Scenario, ScenarioInput } from '../scenario';
import { LINT_RULES, lintScenario, type LintFinding, type LintRuleId } from './index';

type NodeInput = NonNullable<ScenarioInput['nodes']>[number];
type EdgeInput = NonNullable<ScenarioInput['edges']>[number];
type Kind = NodeInput['kind'];

const node = (id: string, kind: Kind, label?: string): NodeInput => ({ id, kind, ...(label ? { label } : {}) });
const sync = (from: string, to: string, policy: EdgeInput['policy'] = { timeoutMs: 500 }): EdgeInput => ({
  id: `${from}-${to}`,
  from,
  to,
  policy,
});
const async = (from: string, to: string): EdgeInput => ({ id: `${from}-${to}`, from, to, kind: 'async', policy: { timeoutMs: 200 } });
const retrying = (maxAttempts: number): EdgeInput['policy'] => ({ timeoutMs: 500, retry: { maxAttempts } });
const build = (nodes: NodeInput[], edges: EdgeInput[]): Scenario => builtInScenario({ nodes, edges });
const of = (scenario: Scenario, rule: LintRuleId): LintFinding[] => lintScenario(scenario).filter((f) => f.rule === rule);

/** users -> gateway -> order -> payment, each with a timeout and no retry. */
const front = (): { nodes: NodeInput[]; edges: EdgeInput[] } => ({
  nodes: [
    node('users', 'client'),
    node('gateway', 'gateway', 'API gateway'),
    node('order', 'service', 'Order service'),
    node('payment', 'service', 'Payment service'),
  ],
  edges: [sync('users', 'gateway'), sync('gateway', 'order'), sync('order', 'payment')],
});

describe('shared-database', () => {
  it('fires once for a database two services query, naming them, and not once each has its own', () => {
    const { nodes, edges } = front();
    const shared = build([...nodes, node('orders-db', 'database', 'Orders DB')], [...edges, sync('order', 'orders-db'), sync('payment', 'orders-db')]);
    const [finding, ...rest] = of(shared, 'shared-database');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'shared-database/orders-db',
      severity: 'warning',
      title: 'Order service and Payment service share Orders DB',
      nodeIds: ['order', 'payment', 'orders-db'],
      edgeIds: ['order-orders-db', 'payment-orders-db'],
    });

    const fixed = build(
      [...nodes, node('orders-db', 'database'), node('payment-db', 'database')],
      [...edges, sync('order', 'orders-db'), sync('payment', 'payment-db')],
    );
    expect(of(fixed, 'shared-database')).toEqual([]);
  });

  it('attributes calls through a cache or load balancer to whoever calls them', () => {
    const { nodes, edges } = front();
    const extra = [node('cache', 'cache'), node('lb', 'loadBalancer'), node('db', 'database')];
    const viaCache = build([...nodes, ...extra], [...edges, sync('order', 'cache'), sync('cache', 'db'), sync('payment', 'lb'), sync('lb', 'db')]);
    expect(of(viaCache, 'shared-database')[0]?.nodeIds).toEqual(['order', 'payment', 'cache', 'lb', 'db']);

    const oneOwner = build([...nodes, ...extra], [...edges, sync('order', 'cache'), sync('cache', 'db'), sync('order', 'lb'), sync('lb', 'db')]);
    expect(of(oneOwner, 'shared-database')).toEqual([]);
  });
});

describe('deep-sync-chain', () => {
  const chain = ['a', 'b', 'c', 'd'].map((id) => node(id, 'service'));

  it('fires for 4 sync hops after the client and stops firing once a queue breaks the chain', () => {
    const deep = build([node('users', 'client'), node('gw', 'gateway'), ...chain], [sync('users', 'gw'), sync('gw', 'a'), sync('a', 'b'), sync('b', 'c'), sync('c', 'd')]);
    const [finding, ...rest] = of(deep, 'deep-sync-chain');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'deep-sync-chain/d+gw',
      nodeIds: ['gw', 'a', 'b', 'c', 'd'],
      edgeIds: ['gw-a', 'a-b', 'b-c', 'c-d'],
      title: 'Sync chain of 4 hops: gw -> a -> b -> c -> d',
    });

    const broken = build(
      [node('users', 'client'), node('gw', 'gateway'), ...chain, node('jobs', 'queue')],
      [sync('users', 'gw'), sync('gw', 'a'), sync('a', 'b'), async('b', 'jobs'), async('jobs', 'c'), sync('c', 'd')],
    );
    expect(of(broken, 'deep-sync-chain')).toEqual([]);
  });

  it('does not fire for exactly 3 hops, and reports one finding for tails that differ only after hop 4', () => {
    const three = build([node('gw', 'gateway'), ...chain], [sync('gw', 'a'), sync('a', 'b'), sync('b', 'c')]);
    expect(of(three, 'deep-sync-chain')).toEqual([]);

    const forked = build(
      [node('gw', 'gateway'), ...chain, node('db1', 'database'), node('db2', 'database')],
      [sync('gw', 'a'), sync('a', 'b'), sync('b', 'c'), sync('c', 'd'), sync('d', 'db1'), sync('d', 'db2')],
    );
    expect(of(forked, 'deep-sync-chain').map((f) => f.title)).toEqual(['Sync chain of 5 hops: gw -> a -> b -> c -> d -> db1']);
  });
});

describe('sync-without-timeout', () => {
  it('fires for each sync call with no timeout and disappears once a timeout is set', () => {
    const { nodes, edges } = front();
    const missing = build(nodes, [...edges.slice(0, 2), sync('order', 'payment', {})]);
    expect(of(missing, 'sync-without-timeout')).toMatchObject([
      { id: 'sync-without-timeout/order-payment', edgeIds: ['order-payment'], title: 'Order service calls Payment service with no timeout' },
    ]);
    expect(of(build(nodes, edges), 'sync-without-timeout')).toEqual([]);
  });
});

describe('retries-at-many-layers', () => {
  const nodes = [node('users', 'client'), node('gw', 'gateway', 'api-gateway'), node('order', 'service'), node('db', 'database')];

  it('reports 27x for 3 layers of 3 attempts, once, and nothing when only one layer retries', () => {
    const stacked = build(nodes, [sync('users', 'gw', retrying(3)), sync('gw', 'order', retrying(3)), sync('order', 'db', retrying(3))]);
    const [finding, ...rest] = of(stacked, 'retries-at-many-layers');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      title: 'Retries at 3 layers: users -> api-gateway -> order -> db can multiply calls 27x',
      edgeIds: ['users-gw', 'gw-order', 'order-db'],
    });

    const oneLayer = build(nodes, [sync('users', 'gw'), sync('gw', 'order', retrying(3)), sync('order', 'db')]);
    expect(of(oneLayer, 'retries-at-many-layers')).toEqual([]);
  });

  it('picks the path with the highest product and trims calls that do not retry at its ends', () => {
    const scenario = build(
      [...nodes, node('cache', 'cache'), node('search', 'service')],
      [
        sync('users', 'gw'),
        sync('gw', 'order', retrying(2)),
        sync('order', 'db', retrying(2)),
        sync('gw', 'search', retrying(4)),
        sync('search', 'cache', retrying(5)),
        sync('cache', 'db'),
      ],
    );
    expect(of(scenario, 'retries-at-many-layers').map((f) => f.title)).toEqual([
      'Retries at 2 layers: api-gateway -> search -> cache can multiply calls 20x',
      'Retries at 2 layers: api-gateway -> order -> db can multiply calls 4x',
    ]);
  });
});

describe('sync-cycle', () => {
  const nodes = [node('users', 'client'), node('a', 'service', 'Alpha'), node('b', 'service', 'Beta'), node('events', 'topic')];

  it('reports a loop of sync calls as an error and nothing once one direction goes through a topic', () => {
    const looped = build(nodes, [sync('users', 'a'), sync('a', 'b', retrying(3)), sync('b', 'a', retrying(3)), async('a', 'events'), async('events', 'b')]);
    expect(of(looped, 'sync-cycle')).toMatchObject([
      { id: 'sync-cycle/a+b', severity: 'error', nodeIds: ['a', 'b'], edgeIds: ['a-b', 'b-a'], title: 'Sync calls loop between Alpha and Beta' },
    ]);
    expect(lintScenario(looped)[0]?.rule).toBe('sync-cycle');

    const fixed = build(nodes, [sync('users', 'a'), sync('a', 'b'), async('b', 'events'), async('events', 'a')]);
    expect(of(fixed, 'sync-cycle')).toEqual([]);
  });

  it('finds a self-loop and a three-node loop without hanging the path rules', () => {
    const base = build(
      [node('users', 'client'), ...['a', 'b', 'c', 'd'].map((id) => node(id, 'service'))],
      [sync('users', 'a'), sync('a', 'b'), sync('b', 'c'), sync('c', 'a'), sync('c', 'd')],
    );
    const d = base.edges[4];
    if (!d) throw new Error('missing edge');
    const scenario: Scenario = { ...base, edges: [...base.edges, { ...d, id: 'd-d', from: 'd', to: 'd' }] };
    expect(of(scenario, 'sync-cycle').map((f) => [f.id, f.title])).toEqual([
      ['sync-cycle/a+b+c', 'Sync calls loop through a, b and c'],
      ['sync-cycle/d', 'd calls itself synchronously'],
    ]);
  });
});

describe('queue-without-consumer and uncalled-node', () => {
  it('flags a queue nobody consumes until a service subscribes to it', () => {
    const nodes = [node('users', 'client'), node('order', 'service'), node('jobs', 'queue', 'Jobs'), node('worker', 'service')];
    const orphan = build(nodes.slice(0, 3), [sync('users', 'order'), async('order', 'jobs')]);
    expect(of(orphan, 'queue-without-consumer')).toMatchObject([{ id: 'queue-without-consumer/jobs', title: 'Nobody consumes Jobs' }]);
    const consumed = build(nodes, [sync('users', 'order'), async('order', 'jobs'), async('jobs', 'worker')]);
    expect(of(consumed, 'queue-without-consumer')).toEqual([]);
  });

  it('flags a node nothing calls, but never a client', () => {
    const nodes = [node('users', 'client'), node('order', 'service'), node('audit', 'service', 'Audit')];
    const lonely = build(nodes, [sync('users', 'order')]);
    expect(of(lonely, 'uncalled-node')).toMatchObject([{ id: 'uncalled-node/audit', nodeIds: ['audit'], title: 'Nothing calls Audit' }]);
    expect(of(build(nodes, [sync('users', 'order'), sync('order', 'audit')]), 'uncalled-node')).toEqual([]);
  });
});

describe('lintScenario', () => {
  it('finds no shared database, sync cycle or deep sync chain in the built-in checkout scenario', () => {
    const rules = lintScenario(builtInScenario(CHECKOUT_SCENARIO)).map((f) => f.rule);
    expect(rules).not.toContain('shared-database');
    expect(rules).not.toContain('sync-cycle');
    expect(rules).not.toContain('deep-sync-chain');
  });

  it('lists errors first and writes each why as a single sentence, for every rule', () => {
    const services = ['order', 'payment', 'a', 'b', 'c', 'd', 'loop1', 'loop2'].map((id) => node(id, 'service'));
    const messy = build(
      [node('users', 'client'), node('gateway', 'gateway'), ...services, node('db', 'database'), node('q', 'queue')],
      [
        sync('users', 'gateway', { retry: { maxAttempts: 3 } }),
        sync('gateway', 'order', retrying(3)),
        sync('order', 'db'),
        sync('payment', 'db'),
        ...[['gateway', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'd'], ['loop1', 'loop2'], ['loop2', 'loop1']].map(([from = '', to = '']) => sync(from, to)),
        async('order', 'q'),
      ],
    );
    const findings = lintScenario(messy);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(LINT_RULES.map((r) => r.id)));
    expect(findings.map((f) => f.severity)).toEqual(['error', ...findings.slice(1).map(() => 'warning')]);
    for (const finding of findings) expect(finding.why).toMatch(/^[A-Z][^.!?]*\.$/);
  });

  it('is deterministic and gives every finding a distinct id', () => {
    const scenario = large(300, 400);
    const first = lintScenario(scenario);
    expect(lintScenario(scenario)).toEqual(first);
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
  });

  it('lints large graphs (cycles, a 299-hop chain, a hub) with bounded, path-capped findings', () => {
    // Speed is measured by `npm run bench`, not here: timed unit tests flake on a busy machine.
    for (const scenario of [large(300, 400), large(300, 400, true), large(300, 299), hub(140)]) {
      const findings = lintScenario(scenario);
      const perRule = (rule: string) => findings.filter((f) => f.rule === rule).length;
      expect(perRule('deep-sync-chain')).toBeLessThanOrEqual(10);
      expect(perRule('retries-at-many-layers')).toBeLessThanOrEqual(10);
      expect(findings.length).toBeGreaterThan(0);
    }
  });
});

/**
 * A chain through every node plus random calls (forward only unless `cyclic`), all retrying and
 * without timeouts; `edges` = nodes - 1 is the bare chain.
 */
function large(nodeCount: number, edgeCount: number, cyclic = false): Scenario {
  const isDatabase = (i: number) => i > 0 && i % 7 === 0;
  const nodes: NodeInput[] = [node('n0', 'client')];
  for (let i = 1; i < nodeCount; i++) nodes.push(node(`n${i}`, isDatabase(i) ? 'database' : 'service'));
  const edges: EdgeInput[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}-${to}`;
    if (seen.has(key) || isDatabase(from) || from === to) return;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, from: `n${from}`, to: `n${to}`, policy: { retry: { maxAttempts: 3 } } });
  };
  for (let i = 1; i < nodeCount; i++) add(isDatabase(i - 1) ? i - 2 : i - 1, i);
  let state = 12345;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  while (edges.length < edgeCount) {
    const from = 1 + Math.floor(random() * (nodeCount - 2));
    const forward = from + 1 + Math.floor(random() * Math.min(20, nodeCount - from - 1));
    add(from, cyclic ? 1 + Math.floor(random() * (nodeCount - 1)) : forward);
  }
  return build(nodes, edges);
}

/** `fan` uncalled services -> a -> b -> c -> hub -> `fan` databases, every call retrying. */
function hub(fan: number): Scenario {
  const callers = Array.from({ length: fan }, (_, i) => `s${i}`);
  const dbs = Array.from({ length: fan }, (_, i) => `db${i}`);
  return build(
    ['a', 'b', 'c', 'hub', ...callers].map((id) => node(id, 'service')).concat(dbs.map((id) => node(id, 'database'))),
    [
      ...callers.map((id) => sync(id, 'a', retrying(3))),
      sync('a', 'b', retrying(3)),
      sync('b', 'c', retrying(3)),
      sync('c', 'hub', retrying(3)),
      ...dbs.map((id) => sync('hub', id, retrying(3))),
    ],
  );
}
