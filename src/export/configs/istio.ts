import { quantileMs, type Fault, type Scenario, type ScenarioNode } from '../../model';
import { overallTimeoutMs, retryOn } from './envoy';
import { policySummary } from './mermaid';
import { calls, describeNode, nodeDnsNames, type Call } from './names';
import { duration, note, renderYaml, ylist, ymap, type MapInput, type YamlDocument, type YamlMap } from './yaml';

const API = 'networking.istio.io/v1';
/** Istio durations must be >= 1 ms. */
const d = (ms: number) => duration(Math.max(1, Math.round(ms)));
const LB: Record<string, string> = { 'round-robin': 'ROUND_ROBIN', random: 'RANDOM', 'least-outstanding': 'LEAST_REQUEST', 'power-of-two': 'LEAST_REQUEST' };

/** The typical latency of a node, to turn a "x factor" latency fault into a fixed delay. */
function medianMs(node: ScenarioNode): number {
  if (node.kind === 'service' || node.kind === 'gateway') return quantileMs(node.serviceTime, 0.5);
  if (node.kind === 'external') return quantileMs(node.latency, 0.5);
  return 0;
}

const when = (f: Fault) => `fault "${f.id}" (${f.kind}) from t=${f.startS} s for ${f.durationS} s`;

interface Injection {
  delay?: YamlMap;
  abort?: YamlMap;
  notes: string[];
}

/** The faults that hit calls on this edge, as one Istio `fault` block (Istio takes one delay and one abort). */
function faultsFor(call: Call, target: ScenarioNode, faults: readonly Fault[]): Injection {
  const out: Injection = { notes: [] };
  const replicas = 'replicas' in target ? target.replicas : 1;
  for (const f of faults) {
    if (f.target !== target.id && f.target !== call.edge.id) continue;
    // One replica of N behind a balancer sees about 1/N of the calls.
    const share = f.replica !== undefined && f.target === target.id ? 1 / replicas : 1;
    let delay: [number, number] | null = null;
    let abort: number | null = null;
    let how = '';
    if (f.kind === 'latency') {
      delay = [f.addMs + (f.factor - 1) * medianMs(target), 100];
      how = f.factor > 1 ? `+${f.addMs} ms and x${f.factor} of the median service time (${Number(medianMs(target).toFixed(1))} ms) as a fixed delay` : '';
    } else if (f.kind === 'error') abort = f.percent;
    else if (f.kind === 'crash') abort = 100;
    else if (f.kind === 'abort') abort = f.percent;
    else if (f.kind === 'delay') delay = [f.delayMs, f.percent];
    else if (f.kind === 'hang' || f.kind === 'partition') {
      delay = [f.durationS * 1000, 100];
      how = 'no answer: a delay as long as the fault, so callers time out';
    } else {
      out.notes.push(`NOT EXPRESSIBLE: ${when(f)}: Istio injects only delays and aborts`);
      continue;
    }
    const window = `${when(f)}${share < 1 ? `, replica ${f.replica} of ${replicas}: ${Math.round(share * 100)}% of calls` : ''}${how ? `; ${how}` : ''}`;
    if (delay && !out.delay) {
      out.delay = ymap([['fixedDelay', d(delay[0])], ['percentage', ymap([['value', Number((delay[1] * share).toFixed(3))]])]]);
      out.notes.push(window);
    } else if (abort !== null && !out.abort) {
      out.abort = ymap([['httpStatus', 503], ['percentage', ymap([['value', Number((abort * share).toFixed(3))]])]]);
      out.notes.push(window);
    } else out.notes.push(`NOT EXPRESSED: ${when(f)}: this route already has ${delay ? 'a delay' : 'an abort'}`);
  }
  return out;
}

function httpRoute(call: Call, host: string, caller: string, faults: readonly Fault[]): YamlMap {
  const p = call.edge.policy;
  const overall = overallTimeoutMs(p);
  const injection = faultsFor(call, call.to, faults);
  const hasFault = !!(injection.delay || injection.abort);
  const entries: MapInput = [
    ['name', `from-${caller}`],
    ['match', ylist([ymap([['sourceLabels', ymap([['app', caller]])]])])],
    hasFault && note(
      [
        'STATIC CONFIG CANNOT SCHEDULE FAULTS: apply this block at the start of each window below and remove it after.',
        ...injection.notes,
        'While a fault is set, Istio turns off this route\'s timeout and retries.',
      ].join('\n'),
    ),
    hasFault && ['fault', ymap([['delay', injection.delay], ['abort', injection.abort]])],
    !hasFault && injection.notes.length > 0 && note(injection.notes.join('\n')),
    p.retry && overall !== null && note('whole call: every attempt timing out plus every backoff at its cap'),
    overall !== null && ['timeout', d(overall)],
    !p.retry && note("no retries in the model: turn off Istio's default of 2"),
    ['retries', p.retry ? ymap([['attempts', p.retry.maxAttempts - 1], p.timeoutMs !== null && ['perTryTimeout', d(p.timeoutMs)], ['retryOn', retryOn(p.retry).map((c) => (c === 'retriable-status-codes' ? '429' : c)).join(',')]]) : ymap([['attempts', 0]])],
    p.retry && note(`NOT EXPRESSIBLE: the backoff (${p.retry.backoff}, base ${p.retry.baseMs} ms, ${p.retry.jitter} jitter)${p.retry.budget ? ' and the retry budget' : ''}: Istio waits 25 ms+ with full jitter`),
    p.circuitBreaker && note(`NOT EXPRESSIBLE: the circuit breaker (${p.circuitBreaker.failureRateThreshold}% failures over ${p.circuitBreaker.windowSize} ${p.circuitBreaker.windowType === 'COUNT' ? 'calls' : 's'}): Istio only ejects hosts after consecutive errors (outlierDetection)`),
    ['route', ylist([ymap([['destination', ymap([['host', host]])]])])],
  ];
  return ymap(entries);
}

function destinationRule(host: string, incoming: readonly Call[], balancer: Call['from'] | null): YamlDocument | null {
  const lb = balancer?.kind === 'loadBalancer' ? balancer : null;
  const bulkheads = incoming.flatMap((c) => (c.edge.policy.bulkhead ? [[c.from.id, c.edge.policy.bulkhead.maxConcurrentCalls] as const] : []));
  const smallest = bulkheads.reduce<readonly [string, number] | null>((m, b) => (!m || b[1] < m[1] ? b : m), null);
  if (!lb && !smallest) return null;
  const policy = ymap([
    lb && ['loadBalancer', ymap([['simple', LB[lb.strategy] ?? 'ROUND_ROBIN']])],
    smallest && note(`the bulkhead of ${smallest[0]}${bulkheads.length > 1 ? ` (the smallest of ${bulkheads.map((b) => `${b[0]}: ${b[1]}`).join(', ')}; a DestinationRule applies to every caller)` : ''}`),
    smallest && ['connectionPool', ymap([['tcp', ymap([['maxConnections', smallest[1]]])], ['http', ymap([['http2MaxRequests', smallest[1]], ['http1MaxPendingRequests', 1]])]])],
    lb?.outlierEjection && ['outlierDetection', ymap([['consecutive5xxErrors', lb.outlierEjection.consecutive5xx], ['interval', '10s'], ['baseEjectionTime', d(lb.outlierEjection.baseEjectionTimeMs)], ['maxEjectionPercent', lb.outlierEjection.maxEjectionPercent]])],
  ]);
  return { body: ymap([['apiVersion', API], ['kind', 'DestinationRule'], ['metadata', ymap([['name', host]])], ['spec', ymap([['host', host], ['trafficPolicy', policy]])]]) };
}

/** Istio VirtualService and DestinationRule per called service, with fault injection from the fault timeline. */
export function istio(scenario: Scenario): string {
  const dns = nodeDnsNames(scenario);
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const all = calls(scenario);
  const skipped: string[] = [];
  const byHost = new Map<string, { target: ScenarioNode; calls: Call[]; balancer: Call['from'] | null }>();
  for (const call of all) {
    const summary = policySummary(call.edge.policy);
    const name = `${call.from.id} -> ${call.to.id}${summary ? ` (${summary})` : ''}`;
    // A load balancer is the mesh itself: calls to it go to its target, with its strategy.
    const lbTarget = call.to.kind === 'loadBalancer' ? all.find((c) => c.from.id === call.to.id)?.to : undefined;
    const target = lbTarget ?? call.to;
    if (call.from.kind === 'client') skipped.push(`${name}: the caller is outside the mesh (use a Gateway)`);
    else if (call.from.kind === 'loadBalancer') skipped.push(`${name}: the load balancer is the mesh itself (see the DestinationRule of ${dns.get(call.to.id)})`);
    else if (call.edge.kind === 'async') skipped.push(`${name}: an async edge to a broker (not HTTP)`);
    else if (target.kind === 'database' || target.kind === 'cache') skipped.push(`${name}: a ${target.kind} speaks TCP: Istio routes it without HTTP timeouts, retries or fault injection`);
    else {
      const host = dns.get(target.id) ?? 'service';
      const entry = byHost.get(host) ?? { target, calls: [], balancer: null };
      entry.calls.push(call);
      if (lbTarget) entry.balancer = call.to;
      byHost.set(host, entry);
    }
  }
  const unreached = scenario.faults.filter((f) => ![...byHost.values()].some((h) => h.target.id === f.target || h.calls.some((c) => c.edge.id === f.target)));
  const docs: YamlDocument[] = [];
  for (const [host, { target, calls: incoming, balancer }] of byHost) {
    const routes = incoming.map((c) => httpRoute({ ...c, to: target }, host, dns.get(c.from.id) ?? 'caller', scenario.faults));
    routes.push(ymap([['name', 'default'], ['route', ylist([ymap([['destination', ymap([['host', host]])]])])]]));
    const vs = ymap([['apiVersion', API], ['kind', 'VirtualService'], ['metadata', ymap([['name', host]])], ['spec', ymap([['hosts', ylist([host])], ['http', ylist(routes)]])]]);
    docs.push({ header: `${describeNode(target)}${target.kind === 'external' ? ': a third party; it also needs a ServiceEntry' : ''}`, body: vs });
    const rule = destinationRule(host, incoming, balancer && nodes.get(balancer.id) ? balancer : null);
    if (rule) docs.push(rule);
  }
  const header = [
    `Istio (${API}; v1beta1 before Istio 1.22) for "${scenario.title}", exported by Faultline.`,
    'A VirtualService per called service with a route per caller (pods labelled app=<name>), and a',
    'DestinationRule where the model has a balancer, bulkheads or ejection.',
    ...(skipped.length ? ['', 'Not exported:', ...skipped.map((x) => `- ${x}`)] : []),
    ...(unreached.length ? ['', 'Faults with no HTTP route to inject them into:', ...unreached.map((f) => `- ${when(f)} on ${f.target}`)] : []),
  ].join('\n');
  const [first, ...rest] = docs;
  return renderYaml(first ? [{ header: `${header}\n\n${first.header ?? ''}`, body: first.body }, ...rest] : [{ header, body: ymap([]) }]);
}
