import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CURRENT_VERSION, FIRST_VERSION, MIGRATIONS, migrate } from './migrations';
import { FORMAT, restore, type RestoreResult } from './restore';
import type { Scenario } from './scenario';

type Json = Record<string, unknown>;

function scenarioOf(result: RestoreResult): Scenario {
  if (!result.ok) throw new Error(`expected restore to accept the input: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

/**
 * One document before and after each migration. A new migration without an entry here fails
 * the "every migration has a fixture" test, so no migration ships untested.
 */
const FIXTURES: Record<number, { before: Json; after: Json }> = {
  2: {
    before: {
      title: 'v1',
      edges: [
        { id: 'e', from: 'a', to: 'b', timeoutMs: 300, retry: { maxAttempts: 2 }, circuitBreaker: {}, probability: 0.5, label: 'call' },
      ],
    },
    after: {
      title: 'v1',
      edges: [
        { id: 'e', from: 'a', to: 'b', callPercent: 50, label: 'call', policy: { timeoutMs: 300, retry: { maxAttempts: 2 }, circuitBreaker: {} } },
      ],
    },
  },
};

/** A version-1 file: the caller's policy flat on the edge, the call probability a fraction. */
function versionOneDocument(): Json {
  return {
    format: FORMAT,
    version: 1,
    scenario: {
      title: 'Written by version 1',
      nodes: [
        { id: 'api', kind: 'service' },
        { id: 'users', kind: 'service' },
      ],
      edges: [
        {
          id: 'api-users',
          from: 'api',
          to: 'users',
          timeoutMs: 250,
          retry: { maxAttempts: 4, backoff: 'exponential' },
          circuitBreaker: { windowSize: 20 },
          bulkhead: { maxConcurrentCalls: 5 },
          fallback: 'static',
          probability: 0.5,
        },
      ],
    },
  };
}

describe('the list of migrations', () => {
  it('numbers the migrations from FIRST_VERSION + 1 with no gaps', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    MIGRATIONS.forEach((migration, i) => expect(migration.version).toBe(FIRST_VERSION + 1 + i));
  });

  it('makes CURRENT_VERSION the version of the last migration', () => {
    expect(CURRENT_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.version);
  });

  it('gives every migration a unique, non-empty name', () => {
    const names = MIGRATIONS.map((m) => m.name);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has a before/after fixture for every migration', () => {
    expect(Object.keys(FIXTURES).map(Number).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const migration of MIGRATIONS) {
    it(`runs migration ${migration.version} (${migration.name}) on its fixture`, () => {
      const fixture = FIXTURES[migration.version];
      expect(fixture).toBeDefined();
      if (!fixture) return;
      const before = JSON.stringify(fixture.before);
      expect(migration.up(fixture.before)).toEqual(fixture.after);
      // Migrations copy: the caller's document stays as it was.
      expect(JSON.stringify(fixture.before)).toBe(before);
    });

    it(`does not throw in migration ${migration.version} (${migration.name}) on odd shapes`, () => {
      const odd: Json[] = [
        {},
        { edges: 5 },
        { edges: 'edges' },
        { edges: null },
        { edges: {} },
        { edges: [1, null, 'x', [], true, { policy: 7 }, { policy: null, timeoutMs: 'x' }, { probability: 'half' }] },
        { nodes: 3, faults: [null], groups: {} },
      ];
      for (const doc of odd) expect(() => migration.up(doc)).not.toThrow();
    });

    it(`does not throw in migration ${migration.version} (${migration.name}) on any object`, () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('edges', 'nodes', 'policy', 'probability', 'timeoutMs', 'x'), fc.jsonValue({ maxDepth: 3 })), (doc) => {
          expect(() => migration.up(doc)).not.toThrow();
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('migrate', () => {
  it('changes nothing for a document at the current version', () => {
    const doc = { edges: [{ id: 'e', probability: 0.5, timeoutMs: 1 }] };
    expect(migrate(doc, CURRENT_VERSION)).toBe(doc);
  });

  it('runs every migration after the given version, in order', () => {
    const fixture = FIXTURES[FIRST_VERSION + 1];
    if (!fixture) throw new Error('missing fixture');
    expect(migrate(fixture.before, FIRST_VERSION)).toEqual(
      MIGRATIONS.reduce<Json>((doc, m) => m.up(doc), fixture.before),
    );
  });

  it('leaves edges alone when they are not an array', () => {
    expect(migrate({ edges: 5 }, 1)).toEqual({ edges: 5 });
    expect(migrate({ edges: null }, 1)).toEqual({ edges: null });
  });

  it('leaves edge items that are not objects alone', () => {
    expect(migrate({ edges: [1, null, 'x', []] }, 1)).toEqual({ edges: [1, null, 'x', []] });
  });

  it('merges a flat policy over a policy object that was already there', () => {
    const out = migrate({ edges: [{ id: 'e', policy: { fallback: 'static', timeoutMs: 1 }, timeoutMs: 2 }] }, 1);
    expect(out.edges).toEqual([{ id: 'e', policy: { fallback: 'static', timeoutMs: 2 } }]);
  });

  it('adds no policy to a version-1 edge that had none', () => {
    expect(migrate({ edges: [{ id: 'e', from: 'a', to: 'b' }] }, 1).edges).toEqual([{ id: 'e', from: 'a', to: 'b' }]);
  });
});

describe('restoring a version-1 document', () => {
  it('moves the flat policy into policy and turns probability 0.5 into callPercent 50', () => {
    const result = restore(versionOneDocument());
    const s = scenarioOf(result);
    expect(result.ok && result.fromVersion).toBe(1);
    const edge = s.edges[0];
    expect(edge?.callPercent).toBe(50);
    expect(edge?.policy.timeoutMs).toBe(250);
    expect(edge?.policy.retry?.maxAttempts).toBe(4);
    expect(edge?.policy.retry?.backoff).toBe('exponential');
    expect(edge?.policy.circuitBreaker?.windowSize).toBe(20);
    expect(edge?.policy.bulkhead?.maxConcurrentCalls).toBe(5);
    expect(edge?.policy.fallback).toBe('static');
    expect(edge).not.toHaveProperty('probability');
    expect(edge).not.toHaveProperty('timeoutMs');
  });

  it('gives the same scenario as the equivalent current-version document', () => {
    const current = {
      format: FORMAT,
      version: CURRENT_VERSION,
      scenario: {
        title: 'Written by version 1',
        nodes: [
          { id: 'api', kind: 'service' },
          { id: 'users', kind: 'service' },
        ],
        edges: [
          {
            id: 'api-users',
            from: 'api',
            to: 'users',
            callPercent: 50,
            policy: {
              timeoutMs: 250,
              retry: { maxAttempts: 4, backoff: 'exponential' },
              circuitBreaker: { windowSize: 20 },
              bulkhead: { maxConcurrentCalls: 5 },
              fallback: 'static',
            },
          },
        ],
      },
    };
    expect(scenarioOf(restore(versionOneDocument()))).toEqual(scenarioOf(restore(current)));
  });

  it('turns any probability between 0 and 1 into the matching whole percent without float noise', () => {
    for (let percent = 0; percent <= 100; percent++) {
      const doc = versionOneDocument();
      const edge = ((doc.scenario as Json).edges as Json[])[0] as Json;
      edge.probability = percent / 100;
      expect(scenarioOf(restore(doc)).edges[0]?.callPercent).toBe(percent);
    }
  });

  it('refuses a version-1 probability above 1 at the callPercent path', () => {
    const doc = versionOneDocument();
    (((doc.scenario as Json).edges as Json[])[0] as Json).probability = 1.5;
    const result = restore(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['scenario.edges[0].callPercent']);
  });

  it('refuses a flat policy field with a bad value at its new path', () => {
    const doc = versionOneDocument();
    (((doc.scenario as Json).edges as Json[])[0] as Json).timeoutMs = -1;
    const result = restore(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['scenario.edges[0].policy.timeoutMs']);
  });

  it('refuses the version-1 shape in a current-version document', () => {
    const doc = versionOneDocument();
    doc.version = CURRENT_VERSION;
    const result = restore(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(
      ['bulkhead', 'circuitBreaker', 'fallback', 'probability', 'retry', 'timeoutMs'].map((k) => `scenario.edges[0].${k}`).sort(),
    );
  });

  it('reports odd version-1 edges as errors instead of throwing', () => {
    for (const edges of [5, 'x', null, [1, null, 'x']]) {
      const result = restore({ format: FORMAT, version: 1, scenario: { nodes: [], edges } });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) expect(e.path.startsWith('scenario.edges')).toBe(true);
    }
  });
});
