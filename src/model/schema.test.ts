import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO } from './defaultScenario';
import { DISTRIBUTION_FIELDS } from './distribution';
import { ID_PATTERN, LIMITS, checkNumber, idSchema, labelSchema, numberMessage, numberOf, numberWithDefault, type NumberField } from './fields';
import { KIND_INFO, builtInScenario, displayName, keyNumbers } from './kinds';
import { CURRENT_VERSION } from './migrations';
import { NODE_FIELDS, NODE_KINDS, createNode, isBroker, isWorkerNode, nodeSchema, type NodeKind } from './nodes';
import {
  POLICY_FIELDS,
  POLICY_PRESETS,
  bulkheadSchema,
  circuitBreakerSchema,
  defaultAdaptiveThrottling,
  defaultBulkhead,
  defaultCircuitBreaker,
  defaultRateLimiter,
  defaultRetry,
  defaultRetryBudget,
  noPolicy,
  policySchema,
  retrySchema,
} from './policy';
import { restore, type RestoreResult } from './restore';
import { EDGE_FIELDS, FAULT_FIELDS, FAULT_KINDS, SETTINGS_FIELDS, edgeSchema, faultSchema, settingsSchema, type Scenario } from './scenario';

function scenarioOf(result: RestoreResult): Scenario {
  if (!result.ok) throw new Error(`expected restore to accept the input: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

function isNumberField(value: unknown): value is NumberField {
  return typeof value === 'object' && value !== null && 'min' in value && 'max' in value && 'default' in value;
}

/** Every NumberField in a FIELDS table, one level of nesting deep, named by its path. */
function fieldsOf(table: Record<string, unknown>, prefix: string): [string, NumberField][] {
  const out: [string, NumberField][] = [];
  for (const [key, value] of Object.entries(table)) {
    if (isNumberField(value)) out.push([`${prefix}.${key}`, value]);
    else if (typeof value === 'object' && value !== null) out.push(...fieldsOf(value as Record<string, unknown>, `${prefix}.${key}`));
  }
  return out;
}

const ALL_FIELDS: [string, NumberField][] = [
  ...fieldsOf(POLICY_FIELDS, 'POLICY_FIELDS'),
  ...fieldsOf(NODE_FIELDS, 'NODE_FIELDS'),
  ...fieldsOf(EDGE_FIELDS, 'EDGE_FIELDS'),
  ...fieldsOf(FAULT_FIELDS, 'FAULT_FIELDS'),
  ...fieldsOf(SETTINGS_FIELDS, 'SETTINGS_FIELDS'),
  ...fieldsOf(DISTRIBUTION_FIELDS, 'DISTRIBUTION_FIELDS'),
];

describe('built-in scenarios', () => {
  it('restores the checkout scenario without errors or warnings', () => {
    const result = restore({ format: 'faultline', version: CURRENT_VERSION, scenario: CHECKOUT_SCENARIO });
    const s = scenarioOf(result);
    expect(result.ok && result.warnings).toEqual([]);
    expect(s.title).toBe('E-commerce checkout');
    expect(s.nodes).toHaveLength(12);
    expect(s.edges).toHaveLength(11);
    expect(s.faults).toEqual([
      { id: 'slow-payment-db', kind: 'latency', target: 'payment-db', startS: 20, durationS: 15, factor: 10, addMs: 0 },
    ]);
  });

  it('restores the blank scenario to a single client', () => {
    const s = scenarioOf(restore({ format: 'faultline', version: CURRENT_VERSION, scenario: BLANK_SCENARIO }));
    expect(s.nodes.map((n) => n.kind)).toEqual(['client']);
    expect(s.edges).toEqual([]);
  });

  it('parses built-in scenarios through builtInScenario and throws with the problems for a broken one', () => {
    expect(builtInScenario(CHECKOUT_SCENARIO).nodes).toHaveLength(12);
    expect(() => builtInScenario({ nodes: [{ id: 'x', kind: 'client', label: 'y'.repeat(500) }] })).toThrow(/nodes\[0\]\.label/);
  });

  it('gives every checkout node a position and a display name', () => {
    const s = builtInScenario(CHECKOUT_SCENARIO);
    for (const node of s.nodes) {
      expect(node.position).toBeDefined();
      expect(displayName(node).length).toBeGreaterThan(0);
    }
  });
});

describe('createNode', () => {
  for (const kind of NODE_KINDS) {
    it(`makes a ${kind} node with every default that restores on its own`, () => {
      const node = createNode(kind, `${KIND_INFO[kind].idPrefix}-1`, { x: 10, y: 20 });
      expect(node.kind).toBe(kind);
      expect(node.position).toEqual({ x: 10, y: 20 });
      expect(nodeSchema.parse(node)).toEqual(node);
      const s = scenarioOf(restore({ format: 'faultline', version: CURRENT_VERSION, scenario: { nodes: [node] } }));
      expect(s.nodes).toEqual([node]);
    });

    it(`gives a default ${kind} node the numbers it shows on the canvas`, () => {
      const numbers = keyNumbers(createNode(kind, 'n', { x: 0, y: 0 }));
      expect(numbers.length).toBeGreaterThan(0);
      for (const text of numbers) expect(text.length).toBeGreaterThan(0);
    });
  }

  it('restores a scenario with one node of every kind', () => {
    const nodes = NODE_KINDS.map((kind, i) => createNode(kind, `n${i}`, { x: i * 100, y: 0 }));
    expect(scenarioOf(restore({ nodes })).nodes).toEqual(nodes);
  });

  it('sets the label only when one is given', () => {
    expect(createNode('service', 's', { x: 0, y: 0 }, 'Orders').label).toBe('Orders');
    expect(createNode('service', 's', { x: 0, y: 0 })).not.toHaveProperty('label');
  });

  it('throws for an id the schema refuses', () => {
    expect(() => createNode('service', 'not an id', { x: 0, y: 0 })).toThrow();
  });

  it('takes the defaults of the node fields', () => {
    const service = createNode('service', 's', { x: 0, y: 0 });
    if (service.kind !== 'service') throw new Error('expected a service');
    expect(service.replicas).toBe(NODE_FIELDS.replicas.default);
    expect(service.workers).toBe(NODE_FIELDS.workers.default);
    expect(service.queue.capacity).toBe(NODE_FIELDS.queueCapacity.default);
    expect(service.errorPercent).toBe(NODE_FIELDS.errorPercent.default);
    const queue = createNode('queue', 'q', { x: 0, y: 0 });
    if (queue.kind !== 'queue') throw new Error('expected a queue');
    expect(queue.capacity).toBe(NODE_FIELDS.brokerCapacity.default);
    expect(queue.maxDeliveries).toBe(NODE_FIELDS.maxDeliveries.default);
    expect(queue.visibilityTimeoutMs).toBe(NODE_FIELDS.visibilityTimeoutMs.default);
  });
});

describe('node kinds', () => {
  it('describes every node kind once in KIND_INFO', () => {
    expect(Object.keys(KIND_INFO).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) {
      expect(KIND_INFO[kind].kind).toBe(kind);
      expect(KIND_INFO[kind].idPrefix).toMatch(ID_PATTERN);
      expect(KIND_INFO[kind].description.length).toBeGreaterThan(10);
    }
  });

  it('calls services, gateways and databases worker nodes and queues and topics brokers', () => {
    const workers = NODE_KINDS.filter((kind) => isWorkerNode(createNode(kind, 'n', { x: 0, y: 0 })));
    expect(workers.sort()).toEqual(['database', 'gateway', 'service']);
    expect(NODE_KINDS.filter((kind: NodeKind) => isBroker(kind)).sort()).toEqual(['queue', 'topic']);
  });

  it('shows the label when there is one and the id otherwise', () => {
    expect(displayName({ id: 'svc', label: 'Orders' })).toBe('Orders');
    expect(displayName({ id: 'svc', label: '   ' })).toBe('svc');
    expect(displayName({ id: 'svc' })).toBe('svc');
  });
});

describe('policy presets', () => {
  for (const preset of POLICY_PRESETS) {
    it(`makes a ${preset.id} policy that passes policySchema unchanged`, () => {
      const policy = preset.policy();
      const parsed = policySchema.safeParse(policy);
      expect(parsed.success).toBe(true);
      if (parsed.success) expect(parsed.data).toEqual(policy);
    });
  }

  it('gives every preset a unique id and a label', () => {
    const ids = POLICY_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const preset of POLICY_PRESETS) expect(preset.label.length).toBeGreaterThan(0);
  });

  it('returns a fresh policy object on every call', () => {
    for (const preset of POLICY_PRESETS) expect(preset.policy()).not.toBe(preset.policy());
  });

  it('has no timeout, retry, breaker or bulkhead in the empty policy', () => {
    expect(noPolicy()).toEqual({
      timeoutMs: null,
      deadlinePropagation: false,
      retry: null,
      circuitBreaker: null,
      bulkhead: null,
      rateLimiter: null,
      adaptiveThrottling: null,
      fallback: 'none',
    });
  });
});

describe('Resilience4j defaults', () => {
  it('uses a count window of 100 calls, 100 minimum calls, 50% failures, 60 s open and 10 half-open calls', () => {
    expect(defaultCircuitBreaker()).toEqual({
      windowType: 'COUNT',
      windowSize: 100,
      minimumNumberOfCalls: 100,
      failureRateThreshold: 50,
      slowCallRateThreshold: 100,
      slowCallDurationThresholdMs: 60_000,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
  });

  it('uses a bulkhead of 25 concurrent calls with no wait', () => {
    expect(defaultBulkhead()).toEqual({ maxConcurrentCalls: 25, maxWaitMs: 0 });
  });

  it('retries 3 attempts in all, 500 ms apart, on errors and timeouts', () => {
    const retry = defaultRetry();
    expect(retry.maxAttempts).toBe(3);
    expect(retry.baseMs).toBe(500);
    expect(retry.backoff).toBe('fixed');
    expect(retry.retryOn).toEqual({ error: true, timeout: true, rejection: false });
    expect(retry.budget).toBeNull();
  });

  it('limits 50 calls per period and times out after 1 s', () => {
    expect(defaultRateLimiter().limitForPeriod).toBe(50);
    expect(POLICY_FIELDS.timeoutMs.default).toBe(1000);
  });

  it('puts the Resilience4j defaults in the resilience4j preset', () => {
    const preset = POLICY_PRESETS.find((p) => p.id === 'resilience4j');
    expect(preset?.policy()).toMatchObject({
      timeoutMs: 1000,
      retry: defaultRetry(),
      circuitBreaker: defaultCircuitBreaker(),
      bulkhead: defaultBulkhead(),
    });
  });
});

describe('defaults are described once', () => {
  it('keeps every field default within its own bounds', () => {
    for (const [name, field] of ALL_FIELDS) {
      expect(field.min, name).toBeLessThanOrEqual(field.max);
      expect(checkNumber(field, field.default), name).toBeNull();
    }
  });

  it('fills each policy part with the defaults of its fields', () => {
    const parts: [Record<string, NumberField>, Record<string, unknown>][] = [
      [POLICY_FIELDS.retry, defaultRetry()],
      [POLICY_FIELDS.retryBudget, defaultRetryBudget()],
      [POLICY_FIELDS.circuitBreaker, defaultCircuitBreaker()],
      [POLICY_FIELDS.bulkhead, defaultBulkhead()],
      [POLICY_FIELDS.rateLimiter, defaultRateLimiter()],
      [POLICY_FIELDS.adaptiveThrottling, defaultAdaptiveThrottling()],
    ];
    for (const [fields, value] of parts) {
      for (const [key, field] of Object.entries(fields)) expect(value[key], key).toBe(field.default);
    }
  });

  it('fills the settings with the defaults of their fields', () => {
    const settings = settingsSchema.parse(undefined);
    for (const [key, field] of Object.entries(SETTINGS_FIELDS)) expect(settings[key as keyof typeof settings]).toBe(field.default);
  });

  it('fills an edge with the defaults of its fields', () => {
    const edge = edgeSchema.parse({ id: 'e', from: 'a', to: 'b' });
    expect(edge.callPercent).toBe(EDGE_FIELDS.callPercent.default);
    expect(edge.count).toBe(EDGE_FIELDS.count.default);
    expect(edge.kind).toBe('sync');
    expect(edge.policy).toEqual(noPolicy());
  });

  it('accepts a minimal fault of every kind', () => {
    for (const kind of FAULT_KINDS) {
      const fault = faultSchema.parse({ id: 'f', kind, target: 't' });
      expect(fault.startS).toBe(FAULT_FIELDS.startS.default);
      expect(fault.durationS).toBe(FAULT_FIELDS.durationS.default);
    }
  });
});

describe('policy schema checks', () => {
  it('refuses a retry whose maximum delay is below its base delay', () => {
    const result = retrySchema.safeParse({ baseMs: 1000, maxMs: 10 });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toEqual(['maxMs']);
  });

  it('refuses unknown fields and wrong enums in policy parts', () => {
    expect(circuitBreakerSchema.safeParse({ windowType: 'SLIDING' }).success).toBe(false);
    expect(bulkheadSchema.safeParse({ maxConcurrentCalls: 10, queue: 5 }).success).toBe(false);
    expect(policySchema.safeParse({ fallback: 'maybe' }).success).toBe(false);
  });

  it('accepts any whole number of attempts from 1 to 100 and refuses the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (maxAttempts) => {
        expect(retrySchema.safeParse({ maxAttempts }).success).toBe(maxAttempts >= 1 && maxAttempts <= 100);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fields', () => {
  const field: NumberField = { label: 'Workers', min: 1, max: 10, integer: true, default: 4 };

  it('words the bounds in one message', () => {
    expect(numberMessage(field)).toBe('expected a whole number >= 1 and <= 10');
    expect(numberMessage({ min: 0, max: 1 })).toBe('expected a finite number >= 0 and <= 1');
  });

  it('checks a value against its field', () => {
    expect(checkNumber(field, 4)).toBeNull();
    expect(checkNumber(field, 1)).toBeNull();
    expect(checkNumber(field, 10)).toBeNull();
    for (const bad of [0, 11, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(checkNumber(field, bad)).toBe(numberMessage(field));
  });

  it('agrees with the schema it builds for any number', () => {
    const schema = numberOf(field);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -5, max: 15 })), (value) => {
        expect(schema.safeParse(value).success).toBe(checkNumber(field, value) === null);
      }),
      { numRuns: 300 },
    );
  });

  it('uses the default when the value is left out', () => {
    expect(numberWithDefault(field).parse(undefined)).toBe(4);
  });

  it('accepts ids of letters, digits and - _ . : and refuses the rest', () => {
    for (const id of ['a', 'A1', 'order-service', 'x_y.z:w', '9lives']) expect(idSchema.safeParse(id).success).toBe(true);
    for (const id of ['', '-a', 'a b', 'é', '../x', 'a/b', 'x'.repeat(LIMITS.maxIdLength + 1)]) {
      expect(idSchema.safeParse(id).success).toBe(false);
    }
  });

  it('refuses labels longer than the limit', () => {
    expect(labelSchema.safeParse('x'.repeat(LIMITS.maxLabelLength)).success).toBe(true);
    expect(labelSchema.safeParse('x'.repeat(LIMITS.maxLabelLength + 1)).success).toBe(false);
  });
});
