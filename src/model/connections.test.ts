import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connectionProblem, naturalEdgeKind } from './connections';
import { NODE_KINDS, isBroker, type NodeKind } from './nodes';
import type { EdgeKind } from './scenario';

const end = (kind: NodeKind, id: string = kind) => ({ id, kind });

const NON_BROKERS = NODE_KINDS.filter((k) => !isBroker(k));
const CALLERS: NodeKind[] = ['client', 'gateway', 'loadBalancer', 'service', 'cache'];

describe('connectionProblem', () => {
  it('allows a sync call between two services', () => {
    expect(connectionProblem(end('service', 'a'), end('service', 'b'), 'sync', [])).toBeNull();
  });

  it('allows the usual request path: client, gateway, load balancer, service, cache, database, external', () => {
    const path: [NodeKind, NodeKind][] = [
      ['client', 'gateway'],
      ['gateway', 'loadBalancer'],
      ['loadBalancer', 'service'],
      ['service', 'cache'],
      ['cache', 'database'],
      ['service', 'external'],
      ['client', 'service'],
    ];
    for (const [from, to] of path) expect(connectionProblem(end(from), end(to), 'sync', [])).toBeNull();
  });

  it('refuses a node calling itself', () => {
    expect(connectionProblem(end('service', 'a'), end('service', 'a'), 'sync', [])).toBe('A node cannot call itself.');
  });

  it('refuses any edge into a client', () => {
    for (const from of NODE_KINDS) {
      for (const kind of ['sync', 'async'] as const) {
        expect(connectionProblem(end(from, 'x'), end('client', 'c'), kind, [])).toBe('A client only sends traffic: nothing can call it.');
      }
    }
  });

  it('refuses anything from a database', () => {
    for (const to of NODE_KINDS.filter((k) => k !== 'client')) {
      for (const kind of ['sync', 'async'] as const) {
        expect(connectionProblem(end('database', 'db'), end(to, 'x'), kind, [])).toBe(
          'A database answers queries; it does not call other nodes.',
        );
      }
    }
  });

  it('refuses anything from an external dependency', () => {
    for (const to of NODE_KINDS.filter((k) => k !== 'client')) {
      expect(connectionProblem(end('external', 'ext'), end(to, 'x'), 'sync', [])).toBe(
        'An external dependency is a leaf: it does not call into your system.',
      );
    }
  });

  it('refuses a sync edge out of a queue or a topic', () => {
    expect(connectionProblem(end('queue'), end('service'), 'sync', [])).toBe('A queue delivers messages to its consumers: use an async edge.');
    expect(connectionProblem(end('topic'), end('service'), 'sync', [])).toBe('A topic delivers messages to its consumers: use an async edge.');
  });

  it('refuses a broker delivering to anything but a service', () => {
    for (const broker of ['queue', 'topic'] as const) {
      for (const to of NODE_KINDS.filter((k) => k !== 'service' && k !== 'client')) {
        expect(connectionProblem(end(broker, 'b'), end(to, 'x'), 'async', [])).toBe(
          `A ${broker} delivers messages to services: connect it to a service that consumes them.`,
        );
      }
    }
  });

  it('allows a queue or a topic to deliver to a service over an async edge', () => {
    expect(connectionProblem(end('queue'), end('service'), 'async', [])).toBeNull();
    expect(connectionProblem(end('topic'), end('service'), 'async', [])).toBeNull();
  });

  it('refuses an async edge to a node that is not a broker', () => {
    for (const from of CALLERS) {
      for (const to of NON_BROKERS.filter((k) => k !== 'client')) {
        expect(connectionProblem(end(from, 'f'), end(to, 't'), 'async', [])).toBe(
          'An async edge must target a queue or topic: the caller only waits for the broker to accept the message.',
        );
      }
    }
  });

  it('refuses a sync edge to a queue or a topic', () => {
    for (const from of CALLERS) {
      expect(connectionProblem(end(from, 'f'), end('queue', 'q'), 'sync', [])).toBe('A queue is reached by publishing to it: use an async edge.');
      expect(connectionProblem(end(from, 'f'), end('topic', 't'), 'sync', [])).toBe('A topic is reached by publishing to it: use an async edge.');
    }
  });

  it('allows publishing to a queue or a topic over an async edge', () => {
    for (const from of CALLERS) {
      expect(connectionProblem(end(from, 'f'), end('queue', 'q'), 'async', [])).toBeNull();
      expect(connectionProblem(end(from, 'f'), end('topic', 't'), 'async', [])).toBeNull();
    }
  });

  it('refuses a second target for a load balancer', () => {
    const existing = [{ from: 'lb', to: 'a', kind: 'sync' as const }];
    expect(connectionProblem(end('loadBalancer', 'lb'), end('service', 'b'), 'sync', existing)).toBe(
      'A load balancer spreads calls over the replicas of one target, and this one already has its target.',
    );
  });

  it('lets other nodes call many targets', () => {
    const existing = [{ from: 'gw', to: 'a', kind: 'sync' as const }];
    expect(connectionProblem(end('gateway', 'gw'), end('service', 'b'), 'sync', existing)).toBeNull();
  });

  it('lets a load balancer have its target once other load balancers have theirs', () => {
    const existing = [{ from: 'other-lb', to: 'a', kind: 'sync' as const }];
    expect(connectionProblem(end('loadBalancer', 'lb'), end('service', 'b'), 'sync', existing)).toBeNull();
  });

  it('refuses a second edge in the same direction, whatever its kind', () => {
    const existing = [{ from: 'a', to: 'b', kind: 'sync' as const }];
    expect(connectionProblem(end('service', 'a'), end('service', 'b'), 'sync', existing)).toBe(
      'These two nodes are already connected in this direction.',
    );
    expect(connectionProblem(end('loadBalancer', 'a'), end('service', 'b'), 'sync', existing)).toBe(
      'These two nodes are already connected in this direction.',
    );
  });

  it('allows an edge in the opposite direction', () => {
    const existing = [{ from: 'a', to: 'b', kind: 'sync' as const }];
    expect(connectionProblem(end('service', 'b'), end('service', 'a'), 'sync', existing)).toBeNull();
  });

  it('checks self-calls before anything else', () => {
    expect(connectionProblem(end('database', 'x'), end('database', 'x'), 'async', [])).toBe('A node cannot call itself.');
    expect(connectionProblem(end('client', 'x'), end('client', 'x'), 'sync', [])).toBe('A node cannot call itself.');
  });

  it('always answers with null or a sentence', () => {
    const endArb = fc.record({ id: fc.constantFrom('a', 'b', 'c'), kind: fc.constantFrom(...NODE_KINDS) });
    const edgeArb = fc.record({ from: fc.constantFrom('a', 'b', 'c'), to: fc.constantFrom('a', 'b', 'c'), kind: fc.constantFrom<EdgeKind>('sync', 'async') });
    fc.assert(
      fc.property(endArb, endArb, fc.constantFrom<EdgeKind>('sync', 'async'), fc.array(edgeArb, { maxLength: 5 }), (from, to, kind, existing) => {
        const problem = connectionProblem(from, to, kind, existing);
        if (problem !== null) expect(problem).toMatch(/^[A-Z].*\.$/);
        // Whatever is allowed obeys the broker rule.
        if (problem === null && from.id !== to.id) {
          const touchesBroker = isBroker(from.kind) || isBroker(to.kind);
          expect(kind).toBe(touchesBroker ? 'async' : 'sync');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('naturalEdgeKind', () => {
  it('is async into or out of a broker and sync otherwise', () => {
    for (const from of NODE_KINDS) {
      for (const to of NODE_KINDS) {
        expect(naturalEdgeKind(from, to)).toBe(isBroker(from) || isBroker(to) ? 'async' : 'sync');
      }
    }
  });

  it('gives a kind the rules accept for every pair of nodes that may be connected', () => {
    for (const from of NODE_KINDS) {
      for (const to of NODE_KINDS) {
        const natural = naturalEdgeKind(from, to);
        const other: EdgeKind = natural === 'sync' ? 'async' : 'sync';
        const withNatural = connectionProblem(end(from, 'f'), end(to, 't'), natural, []);
        const withOther = connectionProblem(end(from, 'f'), end(to, 't'), other, []);
        // The natural kind is never worse than the other one.
        if (withOther === null) expect(withNatural).toBeNull();
      }
    }
  });
});
