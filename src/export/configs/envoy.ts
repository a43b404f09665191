import type { NodeOf, Policy, Retry, Scenario, ScenarioNode } from '../../model';
import { calls, describeNode, nodeDnsNames, type Call } from './names';
import { policySummary } from './mermaid';
import { duration, note, renderYaml, ylist, ymap, type MapInput, type YamlDocument, type YamlMap } from './yaml';

const PORT = 8080;
/** Callees that do not speak HTTP: a cluster without a route (a tcp_proxy filter would carry them). */
const NOT_HTTP = new Set<ScenarioNode['kind']>(['database', 'cache']);
const s = (ms: number) => duration(ms, true);

/** The longest a call can take with its retries: every attempt times out, every backoff at its cap. */
export function overallTimeoutMs(policy: Policy): number | null {
  if (policy.timeoutMs === null) return null;
  const r = policy.retry;
  if (!r) return policy.timeoutMs;
  let total = r.maxAttempts * policy.timeoutMs;
  for (let k = 1; k < r.maxAttempts; k++) {
    total += Math.min(r.maxMs, r.backoff === 'exponential' ? r.baseMs * r.multiplier ** (k - 1) : r.baseMs);
  }
  return Math.round(total);
}

/** Envoy retry_on conditions for the model's retry causes. */
export function retryOn(retry: Retry): string[] {
  const on: string[] = [];
  if (retry.retryOn.error) on.push('5xx');
  if (retry.retryOn.timeout) on.push('reset', 'connect-failure');
  if (retry.retryOn.rejection) on.push('retriable-status-codes');
  return on.length ? on : ['reset'];
}

function retryPolicy(policy: Policy, retry: Retry): YamlMap {
  const backoffNotes: string[] = [];
  if (retry.backoff === 'fixed') backoffNotes.push('fixed backoff: max_interval = base_interval keeps every wait within the base');
  else if (retry.multiplier !== 2) backoffNotes.push(`NOT EXPRESSIBLE: multiplier ${retry.multiplier}; Envoy always doubles`);
  if (retry.jitter !== 'full') backoffNotes.push(`NOT EXPRESSIBLE: ${retry.jitter} jitter; Envoy always uses full jitter U(0, backoff)`);
  const withBackoff = retry.baseMs > 0;
  return ymap([
    ['retry_on', retryOn(retry).join(',')],
    retry.retryOn.rejection && note("rejections by the caller's own limits are not retried by Envoy; 429s from the callee are"),
    retry.retryOn.rejection && ['retriable_status_codes', ylist([429])],
    ['num_retries', retry.maxAttempts - 1],
    policy.timeoutMs !== null && ['per_try_timeout', s(policy.timeoutMs)],
    !withBackoff && note("no wait between attempts in the model: Envoy's minimum backoff (25 ms base) applies"),
    ...backoffNotes.map((n) => withBackoff && note(n)),
    withBackoff && ['retry_back_off', ymap([['base_interval', s(retry.baseMs)], ['max_interval', s(retry.backoff === 'fixed' ? retry.baseMs : retry.maxMs)]])],
  ]);
}

function route(call: Call, cluster: string): YamlMap {
  const p = call.edge.policy;
  const overall = overallTimeoutMs(p);
  const entries: MapInput = [
    ['cluster', cluster],
    overall === null && note("no timeout in the model: 0s turns off Envoy's default of 15 s"),
    p.retry && p.timeoutMs !== null && note('whole call: every attempt timing out plus every backoff at its cap'),
    ['timeout', overall === null ? '0s' : s(overall)],
    p.retry && ['retry_policy', retryPolicy(p, p.retry)],
    p.adaptiveThrottling && note(`NOT EXPRESSED: adaptive throttling (K = ${p.adaptiveThrottling.k}); Envoy's admission_control HTTP filter implements it`),
    p.deadlinePropagation && note('NOT EXPRESSIBLE: deadline propagation; Envoy passes x-envoy-expected-rq-timeout-ms but the service must honour it'),
    p.rateLimiter && note(`NOT EXPRESSED: client-side rate limit ${p.rateLimiter.limitForPeriod} per ${p.rateLimiter.periodMs} ms; Envoy's local_ratelimit filter is the equivalent`),
    p.fallback !== 'none' && note(`NOT EXPRESSIBLE: fallback "${p.fallback}" belongs in the calling code`),
  ];
  return ymap(entries);
}

const LB_POLICIES: Record<NodeOf<'loadBalancer'>['strategy'], string> = {
  'round-robin': 'ROUND_ROBIN',
  random: 'RANDOM',
  'least-outstanding': 'LEAST_REQUEST',
  'power-of-two': 'LEAST_REQUEST',
};

function outlierDetection(call: Call): YamlMap | undefined {
  const lb = call.from.kind === 'loadBalancer' ? call.from : null;
  const cb = call.edge.policy.circuitBreaker;
  const ejection = lb?.outlierEjection;
  if (!ejection && !cb) return undefined;
  return ymap([
    ejection && ['consecutive_5xx', ejection.consecutive5xx],
    !ejection && note('the model ejects on its failure-rate breaker only: turn the default consecutive-5xx rule off'),
    !ejection && ['enforcing_consecutive_5xx', 0],
    ['interval', cb?.windowType === 'TIME' ? s(cb.windowSize * 1000) : '10s'],
    ['base_ejection_time', s(ejection ? ejection.baseEjectionTimeMs : (cb?.waitDurationInOpenStateMs ?? 30_000))],
    ['max_ejection_percent', ejection ? ejection.maxEjectionPercent : 100],
    cb && note(
      `APPROXIMATION: the circuit breaker (opens at ${cb.failureRateThreshold}% failures over the last ${cb.windowSize} ${cb.windowType === 'COUNT' ? 'calls' : 's'}, at least ${cb.minimumNumberOfCalls} calls, open ${cb.waitDurationInOpenStateMs} ms) has no Envoy equivalent: Envoy's circuit_breakers are concurrency limits. Per-host failure-percentage ejection comes closest; slow calls (${cb.slowCallRateThreshold}% over ${cb.slowCallDurationThresholdMs} ms) and half-open trial calls are not expressible.`,
    ),
    cb && ['failure_percentage_threshold', Math.round(cb.failureRateThreshold)],
    cb && ['failure_percentage_request_volume', cb.minimumNumberOfCalls],
    cb && ['failure_percentage_minimum_hosts', 1],
    cb && ['enforcing_failure_percentage', 100],
  ]);
}

function circuitBreakers(call: Call): YamlMap | undefined {
  const { bulkhead, retry, timeoutMs } = call.edge.policy;
  const pool = call.to.kind === 'database' && !bulkhead ? call.to.workers * call.to.replicas : null;
  if (!bulkhead && !retry && pool === null) return undefined;
  const budget = retry?.budget;
  const threshold = ymap([
    ['priority', 'DEFAULT'],
    pool !== null && note("the database's connection pool (workers x replicas)"),
    pool !== null && ['max_connections', pool],
    bulkhead && note(`bulkhead: ${bulkhead.maxConcurrentCalls} calls in flight; one HTTP/1.1 connection each`),
    bulkhead && ['max_connections', bulkhead.maxConcurrentCalls],
    bulkhead && ['max_requests', bulkhead.maxConcurrentCalls],
    bulkhead && note(
      bulkhead.maxWaitMs > 0
        ? `NOT EXPRESSIBLE: the bulkhead's ${bulkhead.maxWaitMs} ms wait: Envoy queues pending requests with no time limit (only the route timeout)`
        : 'the bulkhead does not queue (max wait 0): a single pending request is the closest Envoy allows',
    ),
    bulkhead && ['max_pending_requests', bulkhead.maxWaitMs > 0 ? bulkhead.maxConcurrentCalls : 1],
    retry && !budget && note("the model does not cap retries in flight; Envoy's default cap is 3"),
    retry && !budget && ['max_retries', bulkhead ? bulkhead.maxConcurrentCalls : 1024],
    budget && note(
      `retry budget ${budget.ratioPercent}% of first attempts, at least ${budget.minPerSec}/s: Envoy's budget counts retries in flight against active requests; the minimum is a concurrency (rate x attempt time, Little's law)`,
    ),
    budget && ['retry_budget', ymap([['budget_percent', ymap([['value', budget.ratioPercent]])], ['min_retry_concurrency', Math.max(1, Math.ceil((budget.minPerSec * (timeoutMs ?? 1000)) / 1000))]])],
  ]);
  return ymap([['thresholds', ylist([threshold])]]);
}

function cluster(call: Call, name: string, target: ScenarioNode): YamlMap {
  const lb = call.from.kind === 'loadBalancer' ? call.from : null;
  const p = call.edge.policy;
  const replicas = 'replicas' in target ? target.replicas : 1;
  const health = lb?.healthCheck;
  return ymap([
    ['name', name],
    ['type', 'STRICT_DNS'],
    p.timeoutMs === null && note("no timeout in the model: Envoy's default connect timeout"),
    ['connect_timeout', s(p.timeoutMs ?? 5000)],
    lb && ['lb_policy', LB_POLICIES[lb.strategy]],
    lb && lb.strategy !== 'round-robin' && lb.strategy !== 'random' && note(lb.strategy === 'power-of-two' ? 'power of two choices' : 'least outstanding: compare every replica'),
    lb && (lb.strategy === 'power-of-two' || lb.strategy === 'least-outstanding') && ['least_request_lb_config', ymap([['choice_count', lb.strategy === 'power-of-two' ? 2 : Math.max(2, replicas)]])],
    ['circuit_breakers', circuitBreakers(call)],
    ['outlier_detection', outlierDetection(call)],
    health && note('active health checks of the load balancer; the path is an assumption'),
    health && ['health_checks', ylist([ymap([['timeout', s(health.timeoutMs)], ['interval', s(health.intervalMs)], ['unhealthy_threshold', health.unhealthyThreshold], ['healthy_threshold', health.healthyThreshold], ['http_health_check', ymap([['path', '/healthz']])]])])],
    NOT_HTTP.has(target.kind) &&
      note(`a ${target.kind} is not HTTP: reach it through a tcp_proxy filter; set the timeout${p.timeoutMs === null ? '' : ` (${p.timeoutMs} ms)`}${p.retry ? ' and retries' : ''} in the client driver`),
    target.kind === 'external' && note('a third party: point the address at its host and add a TLS transport_socket'),
    note(`${replicas} replica${replicas === 1 ? '' : 's'} behind one DNS name`),
    ['load_assignment', ymap([['cluster_name', name], ['endpoints', ylist([ymap([['lb_endpoints', ylist([ymap([['endpoint', ymap([['address', ymap([['socket_address', ymap([['address', name], ['port_value', PORT]])]])]])]])])]])])]])],
  ]);
}

/** Envoy v3 bootstrap documents, one per calling service: a cluster per callee and a route with its retry policy. */
export function envoy(scenario: Scenario): string {
  const dns = nodeDnsNames(scenario);
  const byCaller = new Map<string, Call[]>();
  const skipped: string[] = [];
  for (const call of calls(scenario)) {
    const summary = policySummary(call.edge.policy);
    const name = `${call.from.id} -> ${call.to.id}${summary ? ` (${summary})` : ''}`;
    if (call.from.kind === 'client') skipped.push(`${name}: the caller is a traffic source`);
    else if (call.edge.kind === 'async') skipped.push(`${name}: an async edge (brokers speak their own protocol; set the publish timeout in the client library)`);
    else byCaller.set(call.from.id, [...(byCaller.get(call.from.id) ?? []), call]);
  }
  const docs: YamlDocument[] = [];
  for (const [callerId, callerCalls] of byCaller) {
    const caller = callerCalls[0]?.from;
    if (!caller) continue;
    const me = dns.get(callerId) ?? 'caller';
    const hosts = callerCalls.filter((c) => !NOT_HTTP.has(c.to.kind)).map((c) => {
      const name = dns.get(c.to.id) ?? 'callee';
      return ymap([['name', name], ['domains', ylist([name])], ['routes', ylist([ymap([['match', ymap([['prefix', '/']])], ['route', route(c, name)]])])]]);
    });
    const manager = ymap([
      ['@type', 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager'],
      ['stat_prefix', `${me}-egress`],
      ['route_config', ymap([['name', `${me}-routes`], ['virtual_hosts', ylist(hosts)]])],
      ['http_filters', ylist([ymap([['name', 'envoy.filters.http.router'], ['typed_config', ymap([['@type', 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router']])]])])],
    ]);
    const listener = ymap([
      ['name', `${me}-egress`],
      ['address', ymap([['socket_address', ymap([['address', '127.0.0.1'], ['port_value', 15001]])]])],
      ['filter_chains', ylist([ymap([['filters', ylist([ymap([['name', 'envoy.filters.network.http_connection_manager'], ['typed_config', manager]])])]])])],
    ]);
    const clusters = callerCalls.map((c) => cluster(c, dns.get(c.to.id) ?? 'callee', c.to));
    docs.push({
      header: `Egress of ${describeNode(caller)}${caller.kind === 'loadBalancer' ? ', a load balancer: this Envoy is the balancer' : ''}`,
      body: ymap([['static_resources', ymap([['listeners', ylist([listener])], ['clusters', ylist(clusters)]])]]),
    });
  }
  const header = [
    `Envoy (v3 API) for "${scenario.title}", exported by Faultline: one bootstrap per calling service`,
    '(its egress proxy), split at "---" into one file each. A cluster per callee, a route with the',
    "edge's timeout and retry policy. Services listen on port 8080 under their DNS names.",
    ...(skipped.length ? ['', 'Not exported:', ...skipped.map((x) => `- ${x}`)] : []),
    ...(docs.length ? [] : ['', 'No service calls another synchronously: nothing to configure.']),
  ].join('\n');
  const [first, ...rest] = docs;
  return renderYaml(first ? [{ header: `${header}\n\n${first.header ?? ''}`, body: first.body }, ...rest] : [{ header, body: ymap([]) }]);
}
