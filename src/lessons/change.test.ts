import { describe, expect, it } from 'vitest';
import { builtInScenario } from '../model';
import { applyEdits, applyLessonChange, describeEdit, touchedItems } from './change';

const scenario = builtInScenario({
  nodes: [
    { id: 'users', kind: 'client' },
    { id: 'api', kind: 'service' },
    { id: 'db', kind: 'database' },
  ],
  edges: [
    { id: 'users-api', from: 'users', to: 'api' },
    { id: 'api-db', from: 'api', to: 'db' },
  ],
});

describe('applyLessonChange', () => {
  it('turns a policy part on with its defaults from an empty object', () => {
    const result = applyLessonChange(scenario, { label: 'Breaker', edits: [{ set: 'edges.api-db.policy.circuitBreaker', value: {} }] });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.scenario.edges[1]?.policy.circuitBreaker).toMatchObject({ windowSize: 100, failureRateThreshold: 50 });
    expect(scenario.edges[1]?.policy.circuitBreaker).toBeNull();
  });

  it('switches a part off with null and sets plain fields', () => {
    const on = applyLessonChange(scenario, { label: 'Retry', edits: [{ set: 'edges.api-db.policy.retry', value: { maxAttempts: 4 } }] });
    if (!on.ok) throw new Error('refused');
    expect(on.scenario.edges[1]?.policy.retry?.maxAttempts).toBe(4);
    const off = applyLessonChange(on.scenario, { label: 'No retry', edits: [{ set: 'edges.api-db.policy.retry', value: null }, { set: 'nodes.api.workers', value: 4 }] });
    if (!off.ok) throw new Error('refused');
    expect(off.scenario.edges[1]?.policy.retry).toBeNull();
    expect(off.scenario.nodes[1]).toMatchObject({ workers: 4 });
  });

  it('adds and removes items, and the result is validated as a whole', () => {
    const result = applyLessonChange(scenario, {
      label: 'Queue',
      edits: [
        { remove: 'edges', id: 'api-db' },
        { add: 'nodes', item: { id: 'jobs', kind: 'queue' } },
        { add: 'edges', item: { id: 'api-jobs', from: 'api', to: 'jobs', kind: 'async' } },
        { add: 'edges', item: { id: 'jobs-db-writer', from: 'jobs', to: 'api', kind: 'async' } },
      ],
    });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.scenario.edges.map((e) => e.id)).toEqual(['users-api', 'api-jobs', 'jobs-db-writer']);
    expect(result.scenario.nodes.find((n) => n.id === 'jobs')?.position).toBeDefined();
  });

  it('refuses a change whose result is not a valid scenario, with the problem', () => {
    const result = applyLessonChange(scenario, { label: 'Bad', edits: [{ set: 'edges.api-db.policy.timeoutMs', value: -5 }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/timeoutMs/);
    const dangling = applyLessonChange(scenario, { label: 'Bad', edits: [{ remove: 'nodes', id: 'db' }] });
    expect(dangling.ok).toBe(false);
  });

  it('refuses edits that name no item, a duplicate id or an empty path', () => {
    expect(applyEdits({ edges: [] }, [{ set: 'edges.nope.policy.timeoutMs', value: 1 }])).toEqual({ ok: false, problem: 'edges.nope.policy.timeoutMs = 1: no edge with id "nope"' });
    expect(applyEdits({ nodes: [{ id: 'a' }] }, [{ add: 'nodes', item: { id: 'a' } }])).toMatchObject({ ok: false });
    expect(applyEdits({ nodes: [] }, [{ remove: 'nodes', id: 'a' }])).toMatchObject({ ok: false });
    expect(applyEdits({}, [{ set: '', value: 1 }])).toMatchObject({ ok: false });
  });

  it('leaves its input untouched', () => {
    const raw = { edges: [{ id: 'a-b', policy: {} }] };
    const copy = structuredClone(raw);
    applyEdits(raw, [{ set: 'edges.a-b.policy.retry', value: { maxAttempts: 2 } }]);
    expect(raw).toEqual(copy);
  });

  it('describes edits for messages', () => {
    expect(describeEdit({ set: 'edges.a.policy.bulkhead', value: {} })).toBe('edges.a.policy.bulkhead = {}');
    expect(describeEdit({ add: 'nodes', item: { id: 'q' } })).toBe('add nodes q');
    expect(describeEdit({ remove: 'edges', id: 'x' })).toBe('remove edges x');
  });

  it('names the nodes and edges a change sets or adds', () => {
    const change = {
      label: 'x',
      edits: [
        { set: 'edges.api-db.policy.retry', value: null },
        { set: 'nodes.api.workers', value: 3 },
        { set: 'settings.durationS', value: 5 },
        { add: 'nodes' as const, item: { id: 'jobs', kind: 'queue' } },
        { remove: 'edges' as const, id: 'users-api' },
      ],
    };
    expect(touchedItems(change)).toEqual({ nodes: ['api', 'jobs'], edges: ['api-db'] });
  });
});
