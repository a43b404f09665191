import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECKOUT_SCENARIO } from './defaultScenario';
import { LIMITS } from './fields';
import type { Issue } from './issues';
import { CURRENT_VERSION } from './migrations';
import { NODE_KINDS, type NodeKind } from './nodes';
import { COLUMN_GAP, ROW_GAP } from './placement';
import { POLICY_PRESETS } from './policy';
import { FORMAT, restore, restoreText, scenarioWarnings, serializeScenario, toEnvelope, type RestoreResult } from './restore';
import { connectionProblem, naturalEdgeKind } from './connections';
import { FAULT_KINDS, type FaultKind, type Scenario } from './scenario';

type Json = Record<string, unknown>;

/** A deep, mutable copy of the checkout scenario, to break in one place per test. */
function checkout(): Json & { nodes: Json[]; edges: Json[]; faults: Json[] } {
  return JSON.parse(JSON.stringify(CHECKOUT_SCENARIO)) as Json & { nodes: Json[]; edges: Json[]; faults: Json[] };
}

function envelope(scenario: unknown, version: number = CURRENT_VERSION): Json {
  return { format: FORMAT, version, scenario };
}

function errorsOf(result: RestoreResult): readonly Issue[] {
  if (result.ok) throw new Error('expected restore to refuse the input, but it accepted it');
  return result.errors;
}

function scenarioOf(result: RestoreResult): Scenario {
  if (!result.ok) throw new Error(`expected restore to accept the input: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

function edge(s: { edges: Json[] }, index: number): Json {
  const found = s.edges[index];
  if (!found) throw new Error(`no edge ${index} in the fixture`);
  return found;
}

function node(s: { nodes: Json[] }, index: number): Json {
  const found = s.nodes[index];
  if (!found) throw new Error(`no node ${index} in the fixture`);
  return found;
}

function policyOf(e: Json): Json {
  return e.policy as Json;
}

function prototypeSnapshot() {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    objectProto: Object.getPrototypeOf(Object.prototype) as unknown,
  };
}

function expectNoPollution(before: ReturnType<typeof prototypeSnapshot>) {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeSnapshot()).toEqual(before);
}

describe('restore of a valid document', () => {
  it('accepts the checkout scenario in an envelope with no warnings', () => {
    const result = restore(envelope(checkout()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.fromVersion).toBe(CURRENT_VERSION);
    expect(result.scenario.nodes).toHaveLength(checkout().nodes.length);
  });

  it('fills in every default a hand-written file leaves out', () => {
    const s = scenarioOf(restore({ nodes: [{ id: 'web', kind: 'client' }] }));
    expect(s.title).toBe('Untitled scenario');
    expect(s.edges).toEqual([]);
    expect(s.faults).toEqual([]);
    expect(s.groups).toEqual([]);
    expect(s.settings).toEqual({ durationS: 60, seed: 1, sampleIntervalS: 1, warmupS: 0, maxEvents: 50_000_000 });
    const client = s.nodes[0];
    expect(client?.kind).toBe('client');
    if (client?.kind !== 'client') return;
    expect(client.workload.ratePerSec).toBe(100);
    expect(client.workload.model).toBe('open');
  });

  it('accepts a bare scenario without an envelope and warns that it read it as the current version', () => {
    const result = restore(checkout());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(CURRENT_VERSION);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain('envelope');
    expect(result.warnings[0]?.message).toContain(String(CURRENT_VERSION));
  });

  it('recognises a bare scenario that has only a title or only edges', () => {
    expect(restore({ title: 'Just a title' }).ok).toBe(true);
    expect(restore({ edges: [] }).ok).toBe(true);
  });

  it('accepts objects with a null prototype as plain data', () => {
    const bare = Object.assign(Object.create(null) as Json, { nodes: [{ id: 'c', kind: 'client' }] });
    expect(restore(bare).ok).toBe(true);
  });

  it('does not modify the input it was given', () => {
    const input = envelope({ nodes: [{ id: 'c', kind: 'client' }, { id: 's', kind: 'service' }], edges: [{ id: 'e', from: 'c', to: 's' }] });
    const before = JSON.stringify(input);
    scenarioOf(restore(input));
    expect(JSON.stringify(input)).toBe(before);
  });

  it('gives back an equal scenario when restoring an already restored scenario object', () => {
    const first = scenarioOf(restore(checkout()));
    const second = scenarioOf(restore(first));
    expect(second).toEqual(first);
  });
});

describe('restore of bad numbers reports the exact path', () => {
  const timeoutPath = 'scenario.edges[3].policy.timeoutMs';
  const cases: [string, unknown][] = [
    ['a negative number', -5],
    ['zero where the minimum is above zero', 0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['an absurd 1e12', 1e12],
    ['a string', '500'],
    ['a boolean', true],
  ];
  for (const [what, value] of cases) {
    it(`refuses ${what} as a timeout at ${timeoutPath}`, () => {
      const s = checkout();
      policyOf(edge(s, 3)).timeoutMs = value;
      const errors = errorsOf(restore(envelope(s)));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe(timeoutPath);
      expect(errors[0]?.message).toMatch(/^expected /);
    });
  }

  it('states the allowed range in the message for a number out of bounds', () => {
    const s = checkout();
    policyOf(edge(s, 3)).timeoutMs = 1e12;
    const errors = errorsOf(restore(envelope(s)));
    expect(errors[0]?.message).toBe(`expected a finite number >= 0.001 and <= ${LIMITS.maxMs}`);
  });

  it('refuses a fractional number where a whole number is expected', () => {
    const s = checkout();
    node(s, 2).replicas = 2.5;
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toEqual([{ path: 'scenario.nodes[2].replicas', message: 'expected a whole number >= 1 and <= 1000' }]);
  });

  it('refuses an absurd coordinate in a position', () => {
    const s = checkout();
    node(s, 0).position = { x: 1e12, y: 0 };
    const errors = errorsOf(restore(envelope(s)));
    expect(errors.map((e) => e.path)).toEqual(['scenario.nodes[0].position.x']);
  });

  it('refuses a negative rate deep in a client workload', () => {
    const s = checkout();
    node(s, 0).workload = { ratePerSec: -1 };
    const errors = errorsOf(restore(envelope(s)));
    expect(errors.map((e) => e.path)).toEqual(['scenario.nodes[0].workload.ratePerSec']);
  });

  it('refuses a bad number inside a nested retry policy', () => {
    const s = checkout();
    (policyOf(edge(s, 3)).retry as Json).maxAttempts = 0;
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toEqual([{ path: 'scenario.edges[3].policy.retry.maxAttempts', message: 'expected a whole number >= 1 and <= 100' }]);
  });

  it('refuses a lognormal whose p99 is below its median', () => {
    const s = checkout();
    node(s, 2).serviceTime = { dist: 'lognormal', medianMs: 50, p99Ms: 10 };
    const errors = errorsOf(restore(envelope(s)));
    expect(errors.map((e) => e.path)).toEqual(['scenario.nodes[2].serviceTime.p99Ms']);
  });

  it('uses no prefix for the paths of a bare scenario', () => {
    const s = checkout();
    policyOf(edge(s, 3)).timeoutMs = -1;
    const errors = errorsOf(restore(s));
    expect(errors.map((e) => e.path)).toEqual(['edges[3].policy.timeoutMs']);
  });
});

describe('restore refuses unknown fields with their path', () => {
  it('refuses a misspelt policy field', () => {
    const s = checkout();
    policyOf(edge(s, 3)).timeotMs = 500;
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.edges[3].policy.timeotMs', message: 'unknown field (check its spelling)' },
    ]);
  });

  it('refuses an unknown field on a node, an edge, a fault and the scenario itself', () => {
    const s = checkout();
    node(s, 1).colour = 'red';
    edge(s, 0).weight = 3;
    (s.faults[0] as Json).severity = 'high';
    s.owner = 'me';
    const paths = errorsOf(restore(envelope(s))).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['scenario.nodes[1].colour', 'scenario.edges[0].weight', 'scenario.faults[0].severity', 'scenario.owner']),
    );
    expect(paths).toHaveLength(4);
  });

  it('refuses a field that belongs to another node kind', () => {
    const s = checkout();
    node(s, 3).hitPercent = 50;
    expect(errorsOf(restore(envelope(s))).map((e) => e.path)).toEqual(['scenario.nodes[3].hitPercent']);
  });

  it('refuses an unknown field on the envelope', () => {
    expect(errorsOf(restore({ ...envelope(checkout()), signature: 'x' }))).toEqual([
      { path: 'signature', message: 'unknown field (check its spelling)' },
    ]);
  });

  it('quotes an unknown field whose name is not a plain identifier', () => {
    const s = checkout();
    edge(s, 3)['time out'] = 5;
    expect(errorsOf(restore(envelope(s))).map((e) => e.path)).toEqual(['scenario.edges[3]["time out"]']);
  });

  it('keeps an unknown empty field name in the path instead of dropping it', () => {
    const s = checkout();
    s[''] = 1;
    expect(errorsOf(restore(envelope(s))).map((e) => e.path)).toEqual(['scenario[""]']);
  });
});

describe('restore refuses unknown kinds', () => {
  it('refuses an unknown node kind and lists the known ones', () => {
    const s = checkout();
    node(s, 2).kind = 'lambda';
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('scenario.nodes[2].kind');
    for (const kind of NODE_KINDS) expect(errors[0]?.message).toContain(kind);
  });

  it('refuses a node without a kind at the kind path', () => {
    const s = checkout();
    delete node(s, 2).kind;
    expect(errorsOf(restore(envelope(s))).map((e) => e.path)).toEqual(['scenario.nodes[2].kind']);
  });

  it('refuses an unknown fault kind', () => {
    const s = checkout();
    (s.faults[0] as Json).kind = 'meteor';
    const errors = errorsOf(restore(envelope(s)));
    expect(errors.map((e) => e.path)).toEqual(['scenario.faults[0].kind']);
    expect(errors[0]?.message).toContain('crash');
  });

  it('refuses an unknown distribution kind', () => {
    const s = checkout();
    node(s, 2).serviceTime = { dist: 'weibull', shape: 2 };
    const errors = errorsOf(restore(envelope(s)));
    expect(errors.map((e) => e.path)).toEqual(['scenario.nodes[2].serviceTime.dist']);
  });

  it('refuses an unknown edge kind', () => {
    const s = checkout();
    edge(s, 0).kind = 'grpc';
    expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.edges[0].kind', message: 'expected "sync" or "async"' }]);
  });
});

describe('restore checks references and ids', () => {
  it('refuses an edge to a missing node', () => {
    const s = checkout();
    edge(s, 1).to = 'ghost';
    expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.edges[1].to', message: 'no node with id "ghost"' }]);
  });

  it('refuses an edge from a missing node', () => {
    const s = checkout();
    edge(s, 1).from = 'ghost';
    expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.edges[1].from', message: 'no node with id "ghost"' }]);
  });

  it('refuses two nodes with the same id and names where the id was first used', () => {
    const s = checkout();
    node(s, 3).id = 'shoppers';
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toContainEqual({ path: 'scenario.nodes[3].id', message: 'duplicate id "shoppers" (already used at nodes[0])' });
  });

  it('judges edges by the first node of a duplicated id, not by the later one', () => {
    const s = checkout();
    node(s, 3).id = 'shoppers';
    const errors = errorsOf(restore(envelope(s)));
    // The edge shoppers -> api-gateway is fine for the client; the database that reuses the id
    // must not turn it into "a database does not call other nodes".
    expect(errors.map((e) => e.path)).not.toContain('scenario.edges[0]');
  });

  it('refuses an edge whose id is already used by a node', () => {
    const s = checkout();
    edge(s, 0).id = 'shoppers';
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.edges[0].id', message: 'duplicate id "shoppers" (already used at nodes[0])' },
    ]);
  });

  it('refuses two edges with the same id', () => {
    const s = checkout();
    edge(s, 2).id = 'shoppers-gateway';
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.edges[2].id', message: 'duplicate id "shoppers-gateway" (already used at edges[0])' },
    ]);
  });

  it('refuses a duplicate group id and a node in an unknown group', () => {
    const s = checkout();
    (s.groups as Json[]).push({ id: 'payments', label: 'Again' });
    node(s, 1).group = 'nowhere';
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toEqual([
      { path: 'scenario.groups[4].id', message: 'duplicate group id "payments"' },
      { path: 'scenario.nodes[1].group', message: 'no group with id "nowhere"' },
    ]);
  });

  it('refuses a duplicate fault id', () => {
    const s = checkout();
    s.faults.push({ id: 'slow-payment-db', kind: 'crash', target: 'orders-db' });
    expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.faults[1].id', message: 'duplicate fault id "slow-payment-db"' }]);
  });

  it('refuses an id with spaces or one that is too long', () => {
    const s = checkout();
    node(s, 0).id = 'has space';
    node(s, 1).id = 'x'.repeat(LIMITS.maxIdLength + 1);
    const paths = errorsOf(restore(envelope(s))).map((e) => e.path);
    expect(paths).toEqual(['scenario.nodes[0].id', 'scenario.nodes[1].id']);
  });

  it('reports a missing id as missing', () => {
    const s = checkout();
    delete node(s, 0).id;
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('scenario.nodes[0].id');
    expect(errors[0]?.message).toMatch(/^missing: /);
  });

  it('refuses saga steps that name an edge that does not leave the service', () => {
    const s = checkout();
    node(s, 2).saga = { coordination: 'orchestration', steps: [{ action: 'order-payment', compensation: 'payment-card' }] };
    expect(errorsOf(restore(envelope(s)))).toEqual([
      {
        path: 'scenario.nodes[2].saga.steps[0].compensation',
        message: 'expected the id of an edge leaving "order-service", found "payment-card"',
      },
    ]);
  });
});

describe('restore refuses oversize data', () => {
  it('refuses a label of more than 120 characters', () => {
    const s = checkout();
    node(s, 0).label = 'x'.repeat(LIMITS.maxLabelLength + 1);
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.nodes[0].label', message: `expected at most ${LIMITS.maxLabelLength} characters` },
    ]);
  });

  it('accepts a label of exactly 120 characters', () => {
    const s = checkout();
    node(s, 0).label = 'x'.repeat(LIMITS.maxLabelLength);
    expect(restore(envelope(s)).ok).toBe(true);
  });

  it('refuses an oversize title and edge label', () => {
    const s = checkout();
    s.title = 'T'.repeat(500);
    edge(s, 4).label = 'L'.repeat(500);
    expect(errorsOf(restore(envelope(s))).map((e) => e.path)).toEqual(['scenario.title', 'scenario.edges[4].label']);
  });

  it('refuses a huge string before it reaches the schema', () => {
    const s = checkout();
    node(s, 0).description = 'd'.repeat(200_000);
    const errors = errorsOf(restore(envelope(s)));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('scenario.nodes[0].description');
    expect(errors[0]?.message).toContain('too long');
  });

  it('refuses more nodes than the limit', () => {
    const nodes = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => ({ id: `c${i}`, kind: 'client' }));
    expect(errorsOf(restore({ nodes }))).toEqual([{ path: 'nodes', message: `expected at most ${LIMITS.maxNodes} nodes` }]);
  });

  it('caps a long list of problems and counts the rest', () => {
    const nodes = Array.from({ length: 80 }, (_, i) => ({ id: `c${i}`, kind: 'client', label: 7 }));
    const errors = errorsOf(restore({ nodes }));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toEqual({ path: '', message: '... and 30 more problems' });
  });
});

describe('restore refuses prototype-polluting keys', () => {
  it('refuses __proto__ on a node and leaves Object.prototype alone', () => {
    const before = prototypeSnapshot();
    const input: unknown = JSON.parse(
      '{"format":"faultline","version":2,"scenario":{"nodes":[{"id":"a","kind":"client","__proto__":{"polluted":"yes"}}]}}',
    );
    expect(errorsOf(restore(input))).toEqual([{ path: 'scenario.nodes[0].__proto__', message: 'the key "__proto__" is not allowed' }]);
    expectNoPollution(before);
  });

  it('refuses __proto__ at the top of the document', () => {
    const before = prototypeSnapshot();
    const input: unknown = JSON.parse('{"__proto__":{"polluted":"yes"},"nodes":[]}');
    expect(errorsOf(restore(input))).toEqual([{ path: '__proto__', message: 'the key "__proto__" is not allowed' }]);
    expectNoPollution(before);
  });

  it('refuses constructor.prototype in a scenario', () => {
    const before = prototypeSnapshot();
    const input: unknown = JSON.parse('{"format":"faultline","version":2,"scenario":{"constructor":{"prototype":{"polluted":"yes"}}}}');
    expect(errorsOf(restore(input))).toEqual([{ path: 'scenario.constructor', message: 'the key "constructor" is not allowed' }]);
    expectNoPollution(before);
  });

  it('refuses __proto__ inside an edge policy of a version-1 file that a migration rewrites', () => {
    const before = prototypeSnapshot();
    const input: unknown = JSON.parse(
      '{"format":"faultline","version":1,"scenario":{"nodes":[],"edges":[{"id":"e","from":"a","to":"b","timeoutMs":5,"__proto__":{"polluted":"yes","isAdmin":true}}]}}',
    );
    expect(errorsOf(restore(input)).map((e) => e.path)).toEqual(['scenario.edges[0].__proto__']);
    expectNoPollution(before);
  });

  it('refuses a prototype key in an array element and in a distribution', () => {
    const before = prototypeSnapshot();
    const input: unknown = JSON.parse(
      '{"nodes":[{"id":"s","kind":"service","serviceTime":{"dist":"constant","valueMs":1,"prototype":{"polluted":1}}}]}',
    );
    expect(errorsOf(restore(input))).toEqual([{ path: 'nodes[0].serviceTime.prototype', message: 'the key "prototype" is not allowed' }]);
    expectNoPollution(before);
  });
});

describe('restore of deeply nested data', () => {
  it('refuses 10,000 levels of nested objects without a RangeError', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    let result: RestoreResult | undefined;
    expect(() => {
      result = restore({ nodes: [], extra: deep });
    }).not.toThrow();
    const errors = errorsOf(result ?? restore(null));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('nested too deeply');
    expect(errors[0]?.path.startsWith('extra.a.a')).toBe(true);
  });

  it('refuses 10,000 levels of nested arrays without a RangeError', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const errors = errorsOf(restore(envelope({ nodes: deep })));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path.startsWith('scenario.nodes[0][0]')).toBe(true);
  });

  it('refuses 10,000 levels of nesting given as JSON text', () => {
    const text = `{"nodes":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const errors = errorsOf(restoreText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('nested too deeply');
  });
});

describe('restore reads the envelope', () => {
  it('refuses a newer envelope version with a message naming that version', () => {
    const errors = errorsOf(restore(envelope(checkout(), CURRENT_VERSION + 7)));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('version');
    expect(errors[0]?.message).toContain(`version ${CURRENT_VERSION + 7}`);
    expect(errors[0]?.message).toContain(String(CURRENT_VERSION));
  });

  it('refuses a version that is not a whole number of at least 1', () => {
    for (const version of [0, -1, 1.5, '2', null]) {
      expect(errorsOf(restore({ format: FORMAT, version, scenario: checkout() }))).toEqual([
        { path: 'version', message: 'expected a whole number >= 1' },
      ]);
    }
  });

  it('refuses an envelope without a version', () => {
    expect(errorsOf(restore({ format: FORMAT, scenario: checkout() })).map((e) => e.path)).toEqual(['version']);
  });

  it('refuses a wrong format and names it', () => {
    const errors = errorsOf(restore({ format: 'excalidraw', version: 2, scenario: {} }));
    expect(errors).toEqual([{ path: 'format', message: 'expected "faultline", found "excalidraw": not a Faultline file' }]);
  });

  it('refuses a format of the wrong type', () => {
    expect(errorsOf(restore({ format: 42, version: 2, scenario: {} })).map((e) => e.path)).toEqual(['format']);
  });

  it('refuses an envelope whose scenario is missing or not an object', () => {
    for (const scenario of [undefined, null, [], 'text', 3]) {
      const input = scenario === undefined ? { format: FORMAT, version: CURRENT_VERSION } : envelope(scenario);
      expect(errorsOf(restore(input))).toEqual([{ path: 'scenario', message: 'expected an object' }]);
    }
  });

  it('refuses values that are not a scenario at all', () => {
    for (const input of [null, 42, 'scenario', true, [], [checkout()]]) {
      const errors = errorsOf(restore(input));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe('');
    }
  });

  it('refuses an object that has neither a format nor nodes', () => {
    expect(errorsOf(restore({ hello: 'world' }))[0]?.message).toContain('"format": "faultline"');
  });

  it('refuses values that JSON cannot hold', () => {
    const cases: [unknown, string][] = [
      [{ nodes: [], x: () => 1 }, 'x'],
      [{ nodes: [], x: undefined }, 'x'],
      [{ nodes: [], x: 10n }, 'x'],
      [{ nodes: [], x: Symbol('s') }, 'x'],
      [{ nodes: [], x: new Date(0) }, 'x'],
      [{ nodes: [], x: new Map() }, 'x'],
    ];
    for (const [input, path] of cases) expect(errorsOf(restore(input)).map((e) => e.path)).toEqual([path]);
  });

  it('never throws even when reading a property throws', () => {
    const hostile = {
      get nodes(): unknown {
        throw new Error('boom');
      },
    };
    const errors = errorsOf(restore(hostile));
    expect(errors[0]?.message).toContain('boom');
  });
});

describe('restore places nodes that have no position', () => {
  it('places nodes without a position in a column per call depth', () => {
    const s = scenarioOf(
      restore({
        nodes: [
          { id: 'c', kind: 'client' },
          { id: 'a', kind: 'service' },
          { id: 'b', kind: 'service' },
          { id: 'db', kind: 'database' },
        ],
        edges: [
          { id: 'c-a', from: 'c', to: 'a' },
          { id: 'c-b', from: 'c', to: 'b' },
          { id: 'a-db', from: 'a', to: 'db' },
        ],
      }),
    );
    const at = Object.fromEntries(s.nodes.map((n) => [n.id, n.position]));
    expect(at).toEqual({
      c: { x: 0, y: 0 },
      a: { x: COLUMN_GAP, y: 0 },
      b: { x: COLUMN_GAP, y: ROW_GAP },
      db: { x: 2 * COLUMN_GAP, y: 0 },
    });
  });

  it('keeps the positions that are given and places only the missing ones', () => {
    const s = scenarioOf(
      restore({
        nodes: [
          { id: 'c', kind: 'client', position: { x: 500, y: -20 } },
          { id: 'a', kind: 'service' },
        ],
        edges: [{ id: 'c-a', from: 'c', to: 'a' }],
      }),
    );
    expect(s.nodes[0]?.position).toEqual({ x: 500, y: -20 });
    expect(s.nodes[1]?.position).toEqual({ x: COLUMN_GAP, y: 0 });
  });

  it('names the nodes it placed, so the app can lay them out, and names none when all had a position', () => {
    const partly = restore({
      nodes: [
        { id: 'c', kind: 'client', position: { x: 0, y: 0 } },
        { id: 'a', kind: 'service' },
      ],
      edges: [{ id: 'c-a', from: 'c', to: 'a' }],
    });
    expect(partly.ok && partly.placed).toEqual(['a']);
    const whole = restore({ nodes: [{ id: 'c', kind: 'client', position: { x: 0, y: 0 } }], edges: [] });
    expect(whole.ok && whole.placed).toBeUndefined();
  });

  it('places nodes in a cycle with no root in the first column', () => {
    const s = scenarioOf(
      restore({
        nodes: [
          { id: 'a', kind: 'service' },
          { id: 'b', kind: 'service' },
        ],
        edges: [
          { id: 'a-b', from: 'a', to: 'b' },
          { id: 'b-a', from: 'b', to: 'a' },
        ],
      }),
    );
    expect(s.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: ROW_GAP },
    ]);
  });

  it('gives every node a position', () => {
    const s = checkout();
    for (const n of s.nodes) delete n.position;
    const restored = scenarioOf(restore(s));
    expect(restored.nodes.every((n) => n.position !== undefined)).toBe(true);
  });
});

describe('restore refuses invalid connections with reasons', () => {
  const cases: [string, Json, string][] = [
    [
      'an async edge to a service',
      { id: 'x', from: 'order-service', to: 'inventory-service', kind: 'async' },
      'An async edge must target a queue or topic',
    ],
    ['a sync edge to a queue', { id: 'x', from: 'order-service', to: 'order-events' }, 'use an async edge'],
    ['an edge from a database', { id: 'x', from: 'orders-db', to: 'inventory-service' }, 'A database answers queries'],
    ['an async edge from a database', { id: 'x', from: 'orders-db', to: 'order-events', kind: 'async' }, 'A database answers queries'],
    ['an edge from an external dependency', { id: 'x', from: 'card-network', to: 'payment-service' }, 'An external dependency is a leaf'],
    ['an edge into a client', { id: 'x', from: 'api-gateway', to: 'shoppers' }, 'A client only sends traffic'],
    ['a node calling itself', { id: 'x', from: 'order-service', to: 'order-service' }, 'cannot call itself'],
    ['a queue delivering to a database', { id: 'x', from: 'order-events', to: 'orders-db', kind: 'async' }, 'delivers messages to services'],
    ['a second edge between the same nodes', { id: 'x', from: 'order-service', to: 'orders-db' }, 'already connected'],
  ];
  for (const [what, extra, reason] of cases) {
    it(`refuses ${what}`, () => {
      const s = checkout();
      s.edges.push(extra);
      const errors = errorsOf(restore(envelope(s)));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.path).toBe(`scenario.edges[${s.edges.length - 1}]`);
      expect(errors[0]?.message).toContain(reason);
    });
  }

  it('refuses a load balancer with a second target', () => {
    const errors = errorsOf(
      restore({
        nodes: [
          { id: 'lb', kind: 'loadBalancer' },
          { id: 'a', kind: 'service' },
          { id: 'b', kind: 'service' },
        ],
        edges: [
          { id: 'lb-a', from: 'lb', to: 'a' },
          { id: 'lb-b', from: 'lb', to: 'b' },
        ],
      }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('edges[1]');
    expect(errors[0]?.message).toContain('load balancer');
  });
});

describe('restore checks fault targets', () => {
  it('refuses a fault with an unknown target', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'crash', target: 'nope' });
    expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.faults[1].target', message: 'no node with id "nope"' }]);
  });

  it('refuses an edge fault that names a node', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'partition', target: 'order-service' });
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.faults[1].target', message: 'a partition fault targets an edge: no edge with id "order-service"' },
    ]);
  });

  it('accepts an edge fault that names an edge', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'packetLoss', target: 'order-payment' });
    expect(restore(envelope(s)).ok).toBe(true);
  });

  const wrongKinds: [string, string, string][] = [
    ['cacheFlush', 'orders-db', 'a cacheFlush fault targets a cache'],
    ['trafficSpike', 'order-service', 'a trafficSpike fault targets a client'],
    ['crash', 'shoppers', 'a crash fault cannot target a client (use trafficSpike)'],
    ['capacityLoss', 'order-events', 'a capacityLoss fault targets a node with workers (service, gateway or database)'],
  ];
  for (const [kind, target, message] of wrongKinds) {
    it(`refuses a ${kind} fault on ${target}`, () => {
      const s = checkout();
      s.faults.push({ id: 'f2', kind, target });
      expect(errorsOf(restore(envelope(s)))).toEqual([{ path: 'scenario.faults[1].target', message }]);
    });
  }

  it('refuses a replica beyond the replicas of the target', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'crash', target: 'order-service', replica: 3 });
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.faults[1].replica', message: '"order-service" has 3 replica(s): expected 0 to 2' },
    ]);
  });

  it('accepts the last replica of the target', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'crash', target: 'order-service', replica: 2 });
    expect(restore(envelope(s)).ok).toBe(true);
  });

  it('refuses a replica out of the schema range', () => {
    for (const replica of [-1, 1000, 0.5]) {
      const s = checkout();
      s.faults.push({ id: 'f2', kind: 'crash', target: 'order-service', replica });
      expect(errorsOf(restore(envelope(s)))).toEqual([
        { path: 'scenario.faults[1].replica', message: 'expected a whole number >= 0 and <= 999' },
      ]);
    }
  });

  it('treats a node without replicas as having one', () => {
    const s = checkout();
    s.faults.push({ id: 'f2', kind: 'hang', target: 'order-events', replica: 1 });
    expect(errorsOf(restore(envelope(s)))).toEqual([
      { path: 'scenario.faults[1].replica', message: '"order-events" has 1 replica(s): expected 0 to 0' },
    ]);
  });
});

describe('restoreText', () => {
  it('reads a serialized scenario back', () => {
    const s = scenarioOf(restore(checkout()));
    expect(scenarioOf(restoreText(serializeScenario(s)))).toEqual(s);
  });

  it('refuses text that is not JSON with a message', () => {
    const errors = errorsOf(restoreText('{"nodes": ['));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('refuses text longer than the size limit without parsing it', () => {
    const errors = errorsOf(restoreText(' '.repeat(LIMITS.maxJsonChars + 1)));
    expect(errors[0]?.message).toContain('too large');
  });

  it('serializes an envelope with the current version and a trailing newline', () => {
    const s = scenarioOf(restore(checkout()));
    const text = serializeScenario(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toEnvelope(s))));
    expect(toEnvelope(s)).toEqual({ format: 'faultline', version: CURRENT_VERSION, scenario: s });
  });
});

describe('restore under fuzzing', () => {
  const keys = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'nodes', 'edges', 'faults', 'groups', 'format', 'version', 'scenario', 'id', 'kind', 'polluted'),
    fc.string({ maxLength: 6 }),
  );

  function expectWellFormed(result: RestoreResult) {
    if (result.ok) {
      expect(Array.isArray(result.scenario.nodes)).toBe(true);
      return;
    }
    expect(result.errors.length).toBeGreaterThan(0);
    for (const issue of result.errors) {
      expect(typeof issue.path).toBe('string');
      expect(typeof issue.message).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }

  it('never throws and never pollutes for any JSON value', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        let result: RestoreResult | undefined;
        expect(() => {
          result = restore(value);
        }).not.toThrow();
        if (result) expectWellFormed(result);
        expect(JSON.stringify(value)).toBe(text);
        expectNoPollution(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never pollutes for anything, including prototype keys and scenario keys', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(
        fc.anything({ key: keys, maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withMap: true, withDate: true, withBigInt: true, withSparseArray: true }),
        (value) => {
          let result: RestoreResult | undefined;
          expect(() => {
            result = restore(value);
          }).not.toThrow();
          if (result) expectWellFormed(result);
          expectNoPollution(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws for envelopes and bare scenarios whose parts are anything', () => {
    const before = prototypeSnapshot();
    const part = fc.anything({ key: keys, maxDepth: 3 });
    const doc = fc.oneof(
      fc.record({ format: fc.oneof(fc.constant('faultline'), part), version: fc.oneof(fc.integer({ min: -1, max: 4 }), part), scenario: part }, { requiredKeys: [] }),
      fc.record({ nodes: part, edges: part, faults: part, groups: part, title: part, settings: part }, { requiredKeys: [] }),
      fc.record({
        nodes: fc.array(fc.record({ id: fc.oneof(fc.constantFrom('a', 'b'), part), kind: fc.oneof(fc.constantFrom(...NODE_KINDS), part) }, { requiredKeys: [] }), { maxLength: 4 }),
        edges: fc.array(fc.record({ id: part, from: fc.constantFrom('a', 'b'), to: fc.constantFrom('a', 'b'), kind: fc.constantFrom('sync', 'async') }, { requiredKeys: [] }), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(doc, (value) => {
        const result = restore(value);
        expectWellFormed(result);
        expectNoPollution(before);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any JSON text with a __proto__ key anywhere and leaves prototypes alone', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('__proto__', 'constructor', 'prototype'), (value, key) => {
        const text = `{"nodes":[],"${key}":{"polluted":true,"inner":${JSON.stringify(value)}}}`;
        const errors = errorsOf(restoreText(text));
        expect(errors.some((e) => e.path === key)).toBe(true);
        expectNoPollution(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('restore round trip', () => {
  const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const coordinate = fc.double({ min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate, noNaN: true }).map((x) => x + 0);
  const label = fc.string({ maxLength: LIMITS.maxLabelLength });
  const distribution = fc.oneof(
    fc.record({ dist: fc.constant('constant'), valueMs: fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x + 0) }),
    fc.record({ dist: fc.constant('exponential'), meanMs: fc.integer({ min: 0, max: 1000 }) }),
    fc.record({ dist: fc.constant('lognormal'), medianMs: fc.integer({ min: 1, max: 100 }), p99Ms: fc.integer({ min: 101, max: 1000 }) }),
  );
  const nodeArb = fc.record(
    {
      kind: fc.constantFrom<NodeKind>(...NODE_KINDS),
      label,
      position: fc.record({ x: coordinate, y: coordinate }),
      replicas: fc.integer({ min: 1, max: 10 }),
      serviceTime: distribution,
    },
    { requiredKeys: ['kind'] },
  );

  /** Valid-ish scenarios: random nodes, then only the edges the connection rules allow. */
  const scenarioArb = fc
    .record({
      title: label,
      nodes: fc.uniqueArray(fc.tuple(idArb, nodeArb), { selector: ([id]) => id, minLength: 1, maxLength: 8 }),
      pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.nat({ max: POLICY_PRESETS.length - 1 }), fc.integer({ min: 0, max: 100 })), { maxLength: 14 }),
      faults: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FAULT_KINDS), fc.integer({ min: 0, max: 60 })), { maxLength: 4 }),
      seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    })
    .map(({ title, nodes, pairs, faults, seed }) => {
      const builtNodes: Json[] = nodes.map(([id, n]) => {
        const out: Json = { id, kind: n.kind };
        if (n.label !== undefined) out.label = n.label;
        if (n.position !== undefined) out.position = n.position;
        if (n.kind === 'service' || n.kind === 'gateway' || n.kind === 'database') {
          if (n.replicas !== undefined) out.replicas = n.replicas;
        }
        if ((n.kind === 'service' || n.kind === 'gateway') && n.serviceTime !== undefined) out.serviceTime = n.serviceTime;
        if (n.kind === 'external' && n.serviceTime !== undefined) out.latency = n.serviceTime;
        return out;
      });
      const ends = nodes.map(([id, n]) => ({ id, kind: n.kind }));
      const edges: Json[] = [];
      const existing: { from: string; to: string; kind: 'sync' | 'async' }[] = [];
      pairs.forEach(([a, b, flip, preset, callPercent], i) => {
        const from = ends[a % ends.length];
        const to = ends[b % ends.length];
        if (!from || !to) return;
        const natural = naturalEdgeKind(from.kind, to.kind);
        const kind = flip ? natural : natural === 'sync' ? 'async' : 'sync';
        if (connectionProblem(from, to, kind, existing) !== null) return;
        existing.push({ from: from.id, to: to.id, kind });
        edges.push({ id: `E${i}`, from: from.id, to: to.id, kind, callPercent, policy: POLICY_PRESETS[preset]?.policy() });
      });
      const builtFaults: Json[] = [];
      faults.forEach(([target, kind, startS], i) => {
        // Only targets the fault kind accepts, so every generated scenario should restore.
        const candidates = EDGE_FAULTS.has(kind)
          ? edges.map((e) => e.id as string)
          : ends.filter((n) => FAULT_TARGETS[kind]?.(n.kind) ?? false).map((n) => n.id);
        const targetId = candidates[target % Math.max(1, candidates.length)];
        if (targetId !== undefined) builtFaults.push({ id: `F${i}`, kind, target: targetId, startS });
      });
      return { title, nodes: builtNodes, edges, faults: builtFaults, settings: { seed } };
    });

  it('accepts every generated valid-ish scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = restore(envelope(input));
        if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the same scenario after serializing and restoring any restored scenario', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const first = restore(envelope(input));
        if (!first.ok) return;
        const again = restore(JSON.parse(serializeScenario(first.scenario)));
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(again.scenario).toEqual(first.scenario);
        // Only what the content itself warns about (a fault after the end, say): nothing about the format.
        expect(again.warnings).toEqual(scenarioWarnings(first.scenario).map((w) => ({ ...w, path: `scenario.${w.path}` })));
        expect(again.fromVersion).toBe(CURRENT_VERSION);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the same scenario when restoring a restored scenario object again', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const first = restore(envelope(input));
        if (!first.ok) return;
        expect(scenarioOf(restore(envelope(first.scenario)))).toEqual(first.scenario);
      }),
      { numRuns: 100 },
    );
  });
});

const EDGE_FAULTS: ReadonlySet<string> = new Set(['partition', 'packetLoss', 'delay', 'abort']);
const WORKER_KINDS: ReadonlySet<NodeKind> = new Set(['service', 'gateway', 'database']);
/** Which node kinds each node fault may target (edge faults target edges). */
const FAULT_TARGETS: Record<FaultKind, (kind: NodeKind) => boolean> = {
  crash: (k) => k !== 'client',
  hang: (k) => k !== 'client',
  latency: (k) => k !== 'client',
  error: (k) => k !== 'client',
  capacityLoss: (k) => WORKER_KINDS.has(k),
  cacheFlush: (k) => k === 'cache',
  trafficSpike: (k) => k === 'client',
  partition: () => false,
  packetLoss: () => false,
  delay: () => false,
  abort: () => false,
};
