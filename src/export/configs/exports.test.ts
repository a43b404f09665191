import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Scenario } from '../../model';
import { CONFIG_EXPORTS } from '.';
import { envoy } from './envoy';
import { istio } from './istio';
import { resilience4j } from './resilience4j';
import { checkout, everyKind, hostile } from './testScenarios';

type Json = Record<string, unknown>;
const DNS = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Parses every document; any YAML error fails the test. */
function docs(text: string): Json[] {
  const all = parseAllDocuments(text);
  expect(all.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message))).toEqual([]);
  return all.map((d) => d.toJS() as Json);
}

const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);

/** Every key used anywhere in a parsed document, to compare against the real property names. */
function keysUnder(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysUnder(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysUnder(v, out);
    }
  }
  return out;
}

const R4J_PROPERTIES = new Set([
  'slidingWindowType', 'slidingWindowSize', 'minimumNumberOfCalls', 'failureRateThreshold', 'slowCallRateThreshold', 'slowCallDurationThreshold',
  'waitDurationInOpenState', 'permittedNumberOfCallsInHalfOpenState', 'automaticTransitionFromOpenToHalfOpenEnabled', 'maxAttempts', 'waitDuration',
  'enableExponentialBackoff', 'exponentialBackoffMultiplier', 'exponentialMaxWaitDuration', 'enableRandomizedWait', 'randomizedWaitFactor',
  'retryExceptions', 'ignoreExceptions', 'maxConcurrentCalls', 'maxWaitDuration', 'limitForPeriod', 'limitRefreshPeriod', 'timeoutDuration', 'cancelRunningFuture',
]);

const all = (): [string, Scenario][] => [['checkout', checkout()], ['every-kind', everyKind()], ['hostile', hostile()]];

describe('the Resilience4j export', () => {
  it('maps the checkout breaker, retry and time limiters to Resilience4j properties and units', () => {
    const [doc] = docs(resilience4j(checkout()));
    const r = at(doc, 'resilience4j');
    expect(at(r, 'circuitbreaker', 'instances', 'order-service-to-payment-service')).toEqual({
      slidingWindowType: 'COUNT_BASED', slidingWindowSize: 50, minimumNumberOfCalls: 20, failureRateThreshold: 50, slowCallRateThreshold: 100,
      slowCallDurationThreshold: '60s', waitDurationInOpenState: '10s', permittedNumberOfCallsInHalfOpenState: 10, automaticTransitionFromOpenToHalfOpenEnabled: true,
    });
    // Full jitter U(0, d): centred on d/2 with the widest factor Resilience4j accepts.
    expect(at(r, 'retry', 'instances', 'order-service-to-inventory-service')).toMatchObject({
      maxAttempts: 2, waitDuration: '25ms', enableExponentialBackoff: true, exponentialBackoffMultiplier: 2, exponentialMaxWaitDuration: '500ms', enableRandomizedWait: true, randomizedWaitFactor: 0.99,
    });
    expect(Object.keys(at(r, 'timelimiter', 'instances') as Json)).toHaveLength(9);
    expect(at(r, 'timelimiter', 'instances', 'order-service-to-payment-service', 'timeoutDuration')).toBe('1500ms');
    expect(at(r, 'bulkhead')).toBeUndefined();
  });

  it('maps bulkheads, rate limiters, TIME windows and equal jitter in the every-kind scenario', () => {
    const r = at(docs(resilience4j(everyKind()))[0], 'resilience4j');
    expect(at(r, 'bulkhead', 'instances', 'edge-to-orders')).toEqual({ maxConcurrentCalls: 40, maxWaitDuration: '50ms' });
    expect(at(r, 'ratelimiter', 'instances', 'catalog-cache-to-catalog-db')).toEqual({ limitForPeriod: 400, limitRefreshPeriod: '1s', timeoutDuration: '20ms' });
    expect(at(r, 'circuitbreaker', 'instances', 'edge-to-lb', 'slidingWindowType')).toBe('TIME_BASED');
    // Equal jitter U(d/2, d) is exact: centre 3d/4, factor 1/3.
    expect(at(r, 'retry', 'instances', 'orders-to-payments')).toMatchObject({ waitDuration: '150ms', randomizedWaitFactor: 0.3333, enableExponentialBackoff: false });
  });

  it('says in comments what Resilience4j cannot express instead of dropping it', () => {
    const text = resilience4j(hostile());
    expect(text).toMatch(/# .*NOT EXPRESSIBLE: decorrelated jitter/);
    expect(text).toMatch(/# .*NOT EXPRESSIBLE: retry budget \(retries <= 10% of first attempts/);
    expect(text).toMatch(/# .*NOT EXPRESSIBLE: client-side adaptive throttling/);
    expect(text).toMatch(/# .*NOT EXPRESSIBLE: deadline propagation/);
    expect(text).toMatch(/# - users -> Order_Service \(timeout 0.5 ms\): the caller is a traffic source/);
    const retry = at(docs(text)[0], 'resilience4j', 'retry', 'instances', 'order-service-2-to-end');
    expect(at(retry, 'retryExceptions')).toEqual(['java.util.concurrent.TimeoutException', 'io.github.resilience4j.circuitbreaker.CallNotPermittedException', 'io.github.resilience4j.bulkhead.BulkheadFullException', 'io.github.resilience4j.ratelimiter.RequestNotPermitted']);
  });

  it('uses only real Resilience4j property names and DNS-safe instance names', () => {
    for (const [name, s] of all()) {
      const r = at(docs(resilience4j(s))[0], 'resilience4j') as Json;
      for (const module of Object.values(r)) {
        const instances = at(module, 'instances') as Json;
        for (const [instance, props] of Object.entries(instances)) {
          expect(instance, name).toMatch(DNS);
          for (const key of Object.keys(props as Json)) expect(R4J_PROPERTIES.has(key), `${name}: ${key}`).toBe(true);
        }
      }
    }
  });
});

describe('the Envoy export', () => {
  it('writes one bootstrap per calling service with a cluster per callee', () => {
    const parsed = docs(envoy(checkout()));
    const listenerNames = parsed.map((d) => at(d, 'static_resources', 'listeners', 0, 'name'));
    expect(listenerNames).toEqual(['api-gateway-egress', 'order-service-egress', 'inventory-service-egress', 'payment-service-egress', 'notification-service-egress']);
    const order = parsed[1];
    const clusters = at(order, 'static_resources', 'clusters') as Json[];
    expect(clusters.map((c) => c.name)).toEqual(['orders-db', 'inventory-service', 'payment-service']);
    const hosts = at(order, 'static_resources', 'listeners', 0, 'filter_chains', 0, 'filters', 0, 'typed_config', 'route_config', 'virtual_hosts') as Json[];
    // The database is not HTTP: it has a cluster but no route.
    expect(hosts.map((h) => h.name)).toEqual(['inventory-service', 'payment-service']);
    expect(at(hosts[0], 'routes', 0, 'route')).toEqual({
      cluster: 'inventory-service',
      timeout: '1.05s',
      retry_policy: { retry_on: '5xx,reset,connect-failure', num_retries: 1, per_try_timeout: '0.5s', retry_back_off: { base_interval: '0.05s', max_interval: '1s' } },
    });
    expect(at(clusters[0], 'circuit_breakers', 'thresholds', 0, 'max_connections')).toBe(20);
    expect(at(clusters[2], 'outlier_detection')).toMatchObject({ failure_percentage_threshold: 50, failure_percentage_request_volume: 20, base_ejection_time: '10s', enforcing_consecutive_5xx: 0 });
  });

  it("maps the load balancer's strategy, outlier ejection and health checks", () => {
    const lbDoc = docs(envoy(everyKind())).find((d) => at(d, 'static_resources', 'listeners', 0, 'name') === 'lb-egress');
    const catalog = at(lbDoc, 'static_resources', 'clusters', 0) as Json;
    expect(catalog).toMatchObject({ name: 'catalog', lb_policy: 'LEAST_REQUEST', least_request_lb_config: { choice_count: 2 } });
    expect(catalog.outlier_detection).toEqual({ consecutive_5xx: 5, interval: '10s', base_ejection_time: '10s', max_ejection_percent: 34 });
    expect(at(catalog, 'health_checks', 0)).toMatchObject({ timeout: '0.5s', interval: '2s', unhealthy_threshold: 2, healthy_threshold: 2 });
  });

  it('turns a bulkhead into circuit breaker thresholds and a retry budget into retry_budget', () => {
    const first = docs(envoy(hostile()))[0];
    const thresholds = at(first, 'static_resources', 'clusters', 0, 'circuit_breakers', 'thresholds', 0);
    expect(thresholds).toEqual({ priority: 'DEFAULT', max_connections: 12, max_requests: 12, max_pending_requests: 1, retry_budget: { budget_percent: { value: 10 }, min_retry_concurrency: 2 } });
  });
});

describe('the Istio export', () => {
  it('routes each caller with its timeout and retries, and turns off default retries where the model has none', () => {
    const parsed = docs(istio(checkout()));
    const vs = parsed.filter((d) => d.kind === 'VirtualService');
    expect(vs.map((d) => at(d, 'metadata', 'name'))).toEqual(['order-service', 'orders-db', 'inventory-service', 'payment-service', 'payment-db', 'card-network'].filter((n) => !n.endsWith('-db')));
    const inventory = vs.find((d) => at(d, 'metadata', 'name') === 'inventory-service');
    expect(at(inventory, 'spec', 'http', 0)).toEqual({
      name: 'from-order-service',
      match: [{ sourceLabels: { app: 'order-service' } }],
      timeout: '1050ms',
      retries: { attempts: 1, perTryTimeout: '500ms', retryOn: '5xx,reset,connect-failure' },
      route: [{ destination: { host: 'inventory-service' } }],
    });
    const payment = vs.find((d) => at(d, 'metadata', 'name') === 'payment-service');
    expect(at(payment, 'spec', 'http', 0, 'retries')).toEqual({ attempts: 0 });
    expect(istio(checkout())).toMatch(/fault "slow-payment-db" \(latency\) from t=20 s for 15 s on payment-db/);
  });

  it('injects the fault timeline as delays and aborts, scaled to the faulty replica', () => {
    const parsed = docs(istio(everyKind()));
    const vs = (name: string) => parsed.find((d) => d.kind === 'VirtualService' && at(d, 'metadata', 'name') === name);
    expect(at(vs('catalog'), 'spec', 'http', 0, 'fault')).toEqual({ abort: { httpStatus: 503, percentage: { value: 33.333 } } });
    expect(at(vs('orders'), 'spec', 'http', 0, 'fault')).toEqual({ delay: { fixedDelay: '300ms', percentage: { value: 50 } } });
    expect(at(vs('payments'), 'spec', 'http', 0, 'fault')).toEqual({ abort: { httpStatus: 503, percentage: { value: 60 } } });
    expect(at(vs('stock'), 'spec', 'http', 0, 'fault', 'delay', 'fixedDelay')).toBe('5s');
    const rule = parsed.find((d) => d.kind === 'DestinationRule' && at(d, 'metadata', 'name') === 'catalog');
    expect(at(rule, 'spec', 'trafficPolicy')).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
      outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '10s', maxEjectionPercent: 34 },
    });
    expect(istio(everyKind())).toMatch(/# STATIC CONFIG CANNOT SCHEDULE FAULTS/);
  });

  it('turns an x-factor latency fault into a fixed delay and names what it cannot inject', () => {
    const text = istio(hostile());
    const vs = docs(text).find((d) => at(d, 'metadata', 'name') === 'order-service-2');
    // +100 ms and (3 - 1) x the median of exponential(20 ms) = 20 ln 2.
    expect(at(vs, 'spec', 'http', 0, 'fault', 'delay', 'fixedDelay')).toBe(`${Math.round(100 + 2 * 20 * Math.LN2)}ms`);
    expect(text).toMatch(/NOT EXPRESSIBLE: fault "f2" \(packetLoss\)/);
  });
});

describe('the export registry', () => {
  it('lists the four text exports, each rendering parseable, DNS-safe output for every example', () => {
    expect(CONFIG_EXPORTS.map((e) => e.id)).toEqual(['mermaid', 'resilience4j', 'envoy', 'istio']);
    for (const [name, s] of all()) {
      for (const e of CONFIG_EXPORTS) {
        const text = e.render(s);
        expect(text.length, `${e.id} ${name}`).toBeGreaterThan(100);
        expect(e.fileName(s)).toMatch(/^[a-z][-a-z0-9]*(\.mmd|-resilience4j\.yml|-envoy\.yaml|-istio\.yaml)$/);
        if (e.id === 'mermaid') continue;
        for (const d of docs(text)) {
          for (const key of keysUnder(d)) expect(key, `${e.id} ${name}`).not.toMatch(/\n|injected/);
        }
      }
    }
    const istioNames = docs(istio(hostile())).map((d) => at(d, 'metadata', 'name'));
    for (const n of istioNames) expect(n).toMatch(DNS);
  });
});
