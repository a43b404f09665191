import { isBroker, type CircuitBreaker, type Policy, type Retry, type Scenario } from '../../model';
import { policySummary } from './mermaid';
import { calls, NameAllocator, nodeDnsNames, type Call } from './names';
import { duration, note, renderYaml, ylist, ymap, type MapInput, type YamlMap } from './yaml';

const TIMEOUT = 'java.util.concurrent.TimeoutException';
const REJECTIONS = [
  'io.github.resilience4j.circuitbreaker.CallNotPermittedException',
  'io.github.resilience4j.bulkhead.BulkheadFullException',
  'io.github.resilience4j.ratelimiter.RequestNotPermitted',
];

/** Which calls get an instance: those a Spring service makes (not traffic sources, not broker deliveries). */
export function configurableCalls(scenario: Scenario): { included: Call[]; skipped: string[] } {
  const included: Call[] = [];
  const skipped: string[] = [];
  for (const call of calls(scenario)) {
    const summary = policySummary(call.edge.policy);
    const name = `${call.from.id} -> ${call.to.id}${summary ? ` (${summary})` : ''}`;
    if (call.from.kind === 'client') skipped.push(`${name}: the caller is a traffic source, not a service`);
    else if (call.from.kind === 'loadBalancer') skipped.push(`${name}: the caller is a load balancer (see the Envoy and Istio exports)`);
    else if (isBroker(call.from.kind)) skipped.push(`${name}: a broker delivering messages (configure the consumer instead)`);
    else included.push(call);
  }
  return { included, skipped };
}

function hasPolicy(p: Policy): boolean {
  return p.timeoutMs !== null || !!p.retry || !!p.circuitBreaker || !!p.bulkhead || !!p.rateLimiter;
}

/**
 * Our jitter modes in Resilience4j's terms. Its randomized wait is U(d(1-f), d(1+f)) around the
 * (capped) backoff d, so equal jitter U(d/2, d) is exact with d' = 3d/4 and f = 1/3; full jitter
 * U(0, d) needs f = 1, which Resilience4j refuses (f < 1), so 0.99 around d/2 is the closest.
 */
function retryInstance(retry: Retry): YamlMap {
  const exponential = retry.backoff === 'exponential';
  const scale = retry.jitter === 'full' ? 0.5 : retry.jitter === 'equal' ? 0.75 : 1;
  const factor = retry.jitter === 'full' ? 0.99 : retry.jitter === 'equal' ? Number((1 / 3).toFixed(4)) : retry.jitter === 'decorrelated' ? 0.5 : null;
  const entries: MapInput[number][] = [
    ['maxAttempts', retry.maxAttempts],
    retry.jitter !== 'none' && retry.jitter !== 'decorrelated' && note(`${retry.jitter} jitter: waits centred on ${scale} x the backoff (base ${retry.baseMs} ms), randomized by +-${factor}`),
    ['waitDuration', duration(retry.baseMs * scale)],
    ['enableExponentialBackoff', exponential],
    exponential && ['exponentialBackoffMultiplier', retry.multiplier],
    exponential && ['exponentialMaxWaitDuration', duration(retry.maxMs * scale)],
    !exponential && retry.maxMs < retry.baseMs && note(`maxMs ${retry.maxMs} below the fixed wait has no Resilience4j equivalent`),
    retry.jitter === 'decorrelated' &&
      note('NOT EXPRESSIBLE: decorrelated jitter min(max, U(base, 3 x previous)) has no Resilience4j setting; approximated by a +-50% randomized wait (a custom IntervalBiFunction would be exact)'),
    ['enableRandomizedWait', factor !== null],
    factor !== null && ['randomizedWaitFactor', factor],
  ];
  const ignored = [...(retry.retryOn.timeout ? [] : [TIMEOUT]), ...(retry.retryOn.rejection ? [] : REJECTIONS)];
  const retried = [...(retry.retryOn.timeout ? [TIMEOUT] : []), ...(retry.retryOn.rejection ? REJECTIONS : [])];
  if (retry.retryOn.error) {
    // Every exception is retried by default; leave out the causes the model does not retry.
    if (ignored.length) entries.push(['ignoreExceptions', ylist(ignored)]);
  } else {
    entries.push(note('errors from the callee are not retried: only the exceptions listed here are'));
    entries.push(['retryExceptions', retried.length ? ylist(retried) : ylist([TIMEOUT])]);
    if (!retried.length) entries.push(note('NOT EXPRESSIBLE: the model retries on nothing; Resilience4j needs one retryable exception'));
  }
  if (retry.budget) {
    entries.push(
      note(
        `NOT EXPRESSIBLE: retry budget (retries <= ${retry.budget.ratioPercent}% of first attempts, at least ${retry.budget.minPerSec}/s): Resilience4j has no retry budget; Envoy's retry_budget or a shared RateLimiter in front of the retries comes close`,
      ),
    );
  }
  return ymap(entries);
}

function breakerInstance(cb: CircuitBreaker): YamlMap {
  return ymap([
    ['slidingWindowType', cb.windowType === 'COUNT' ? 'COUNT_BASED' : 'TIME_BASED'],
    cb.windowType === 'TIME' && note('TIME_BASED: the window size is in seconds'),
    ['slidingWindowSize', cb.windowSize],
    ['minimumNumberOfCalls', cb.minimumNumberOfCalls],
    ['failureRateThreshold', cb.failureRateThreshold],
    ['slowCallRateThreshold', cb.slowCallRateThreshold],
    ['slowCallDurationThreshold', duration(cb.slowCallDurationThresholdMs)],
    ['waitDurationInOpenState', duration(cb.waitDurationInOpenStateMs)],
    ['permittedNumberOfCallsInHalfOpenState', cb.permittedNumberOfCallsInHalfOpenState],
    // The simulator moves to HALF_OPEN when the wait is over, without waiting for a call.
    ['automaticTransitionFromOpenToHalfOpenEnabled', true],
  ]);
}

function edgeNotes(call: Call): string[] {
  const p = call.edge.policy;
  const name = `${call.from.id} -> ${call.to.id}`;
  const out: string[] = [];
  if (p.adaptiveThrottling) {
    out.push(`${name}: NOT EXPRESSIBLE: client-side adaptive throttling (K = ${p.adaptiveThrottling.k}, ${p.adaptiveThrottling.windowS} s window) has no Resilience4j module`);
  }
  if (p.deadlinePropagation) out.push(`${name}: NOT EXPRESSIBLE: deadline propagation; pass the remaining budget in a header and cap the time limiter with it`);
  if (p.fallback !== 'none') out.push(`${name}: fallback "${p.fallback}": write it as the fallbackMethod of @CircuitBreaker/@Retry`);
  return out;
}

/** Spring Boot `application.yml` with one Resilience4j instance per calling edge and policy part. */
export function resilience4j(scenario: Scenario): string {
  const { included, skipped } = configurableCalls(scenario);
  const dns = nodeDnsNames(scenario);
  const names = new NameAllocator();
  const sections = { circuitbreaker: [] as [string, YamlMap][], retry: [] as [string, YamlMap][], bulkhead: [] as [string, YamlMap][], ratelimiter: [] as [string, YamlMap][], timelimiter: [] as [string, YamlMap][] };
  const notes: string[] = [];
  const without: string[] = [];
  for (const call of included) {
    const p = call.edge.policy;
    if (!hasPolicy(p)) {
      without.push(`${call.from.id} -> ${call.to.id}`);
      continue;
    }
    const name = names.name(call.edge.id, `${dns.get(call.from.id)}-to-${dns.get(call.to.id)}`);
    if (p.circuitBreaker) sections.circuitbreaker.push([name, breakerInstance(p.circuitBreaker)]);
    if (p.retry) sections.retry.push([name, retryInstance(p.retry)]);
    if (p.bulkhead) {
      sections.bulkhead.push([name, ymap([['maxConcurrentCalls', p.bulkhead.maxConcurrentCalls], ['maxWaitDuration', duration(p.bulkhead.maxWaitMs)]])]);
    }
    if (p.rateLimiter) {
      const r = p.rateLimiter;
      sections.ratelimiter.push([name, ymap([['limitForPeriod', r.limitForPeriod], ['limitRefreshPeriod', duration(r.periodMs)], ['timeoutDuration', duration(r.maxWaitMs)]])]);
    }
    if (p.timeoutMs !== null) sections.timelimiter.push([name, ymap([['timeoutDuration', duration(p.timeoutMs)], ['cancelRunningFuture', true]])]);
    notes.push(...edgeNotes(call).map((n) => `- ${n}`));
  }
  const header = [
    `Resilience4j (resilience4j-spring-boot3 2.x) for "${scenario.title}", exported by Faultline.`,
    'One instance per calling edge, named <caller>-to-<callee>. Decorate each call in the order the',
    'simulator uses (Spring Boot default aspect order): Retry(CircuitBreaker(RateLimiter(TimeLimiter(Bulkhead(call))))).',
    'A TimeLimiter bounds asynchronous calls only (CompletionStage, Mono): give a blocking client the same read timeout.',
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
    ...(without.length ? ['', `No policy (nothing to configure): ${without.join(', ')}`] : []),
    ...(skipped.length ? ['', 'Not exported:', ...skipped.map((s) => `- ${s}`)] : []),
  ].join('\n');
  const body = ymap([
    [
      'resilience4j',
      ymap(
        (Object.keys(sections) as (keyof typeof sections)[])
          .filter((k) => sections[k].length > 0)
          .map((k) => [k, ymap([['instances', ymap(sections[k])]])] as [string, YamlMap]),
      ),
    ],
  ]);
  return renderYaml([{ header, body }]);
}
