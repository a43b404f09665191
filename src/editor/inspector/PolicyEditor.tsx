import { useId } from 'react';
import { BACKOFF_KINDS, JITTER_KINDS, POLICY_FIELDS as P, POLICY_PRESETS, WINDOW_TYPES, type Policy } from '../../model';
import { getAt, type Path } from './pathEdit';
import { Bool, Choice, Num, OptionalSection, useSetter, useTarget } from './target';

const options = <T extends string>(values: readonly T[], labels?: Partial<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels?.[value] ?? value }));

/** Which preset a policy equals, if any (so the select shows it). */
function matchingPreset(policy: Policy): string {
  const json = JSON.stringify(policy);
  return POLICY_PRESETS.find((p) => JSON.stringify(p.policy()) === json)?.id ?? 'custom';
}

/** The caller's policy on an edge: Retry(CircuitBreaker(RateLimiter(Timeout(Bulkhead(call))))). */
export function PolicyEditor({ path, sync }: { path: Path; sync: boolean }) {
  const id = useId();
  const target = useTarget();
  const set = useSetter();
  const policy = getAt(target.item, path) as Policy;
  const at = (...keys: string[]): Path => [...path, ...keys];
  const preset = matchingPreset(policy);
  return (
    <div className="policy">
      <div className="field">
        <label htmlFor={id}>Preset</label>
        <select
          id={id}
          value={preset}
          onChange={(e) => {
            const chosen = POLICY_PRESETS.find((p) => p.id === e.target.value);
            if (chosen) set(path, chosen.policy(), `Apply ${chosen.label}`);
          }}
        >
          {preset === 'custom' ? <option value="custom">Custom</option> : null}
          {POLICY_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <div className="field__hint">{POLICY_PRESETS.find((p) => p.id === preset)?.description ?? 'Your own combination.'}</div>
      </div>

      <OptionalSection
        label="Timeout"
        path={at('timeoutMs')}
        onValue={P.timeoutMs.default}
        help={sync ? 'Without one, a slow dependency holds the caller\'s workers as long as it likes.' : 'How long the caller waits for the broker to accept the message.'}
      >
        <Num field={P.timeoutMs} path={at('timeoutMs')} />
        <Bool label="Propagate deadline" path={at('deadlinePropagation')} help="The remaining time of the incoming request caps this timeout." />
      </OptionalSection>

      <OptionalSection label="Retry" path={at('retry')} help="Retries wrap everything else: each attempt goes through the breaker, limiter, timeout and bulkhead.">
        <Num field={P.retry.maxAttempts} path={at('retry', 'maxAttempts')} />
        <Choice label="Backoff" path={at('retry', 'backoff')} options={options(BACKOFF_KINDS)} />
        <Num field={P.retry.baseMs} path={at('retry', 'baseMs')} />
        {policy.retry?.backoff === 'exponential' ? <Num field={P.retry.multiplier} path={at('retry', 'multiplier')} /> : null}
        <Num field={P.retry.maxMs} path={at('retry', 'maxMs')} />
        <Choice
          label="Jitter"
          path={at('retry', 'jitter')}
          options={options(JITTER_KINDS, { none: 'none', full: 'full: U(0, d)', equal: 'equal: d/2 + U(0, d/2)', decorrelated: 'decorrelated: U(base, 3 x previous)' })}
        />
        <Bool label="Retry on errors" path={at('retry', 'retryOn', 'error')} />
        <Bool label="Retry on timeouts" path={at('retry', 'retryOn', 'timeout')} />
        <Bool label="Retry on rejections" path={at('retry', 'retryOn', 'rejection')} help="Rejections: breaker open, bulkhead full, rate limited, queue full." />
        <OptionalSection label="Retry budget" path={at('retry', 'budget')} help="A token bucket that keeps retries to a share of first attempts.">
          <Num field={P.retryBudget.ratioPercent} path={at('retry', 'budget', 'ratioPercent')} />
          <Num field={P.retryBudget.minPerSec} path={at('retry', 'budget', 'minPerSec')} />
        </OptionalSection>
      </OptionalSection>

      <OptionalSection label="Circuit breaker" path={at('circuitBreaker')} help="Fails fast while the dependency is failing, then lets a few trial calls through.">
        <Choice label="Window" path={at('circuitBreaker', 'windowType')} options={options(WINDOW_TYPES, { COUNT: 'COUNT (last N calls)', TIME: 'TIME (last N seconds)' })} />
        <Num field={P.circuitBreaker.windowSize} path={at('circuitBreaker', 'windowSize')} />
        <Num field={P.circuitBreaker.minimumNumberOfCalls} path={at('circuitBreaker', 'minimumNumberOfCalls')} />
        <Num field={P.circuitBreaker.failureRateThreshold} path={at('circuitBreaker', 'failureRateThreshold')} />
        <Num field={P.circuitBreaker.slowCallRateThreshold} path={at('circuitBreaker', 'slowCallRateThreshold')} />
        <Num field={P.circuitBreaker.slowCallDurationThresholdMs} path={at('circuitBreaker', 'slowCallDurationThresholdMs')} />
        <Num field={P.circuitBreaker.waitDurationInOpenStateMs} path={at('circuitBreaker', 'waitDurationInOpenStateMs')} />
        <Num field={P.circuitBreaker.permittedNumberOfCallsInHalfOpenState} path={at('circuitBreaker', 'permittedNumberOfCallsInHalfOpenState')} />
      </OptionalSection>

      <OptionalSection label="Bulkhead" path={at('bulkhead')} help="Caps the calls in flight to this dependency, so a slow one cannot take every worker.">
        <Num field={P.bulkhead.maxConcurrentCalls} path={at('bulkhead', 'maxConcurrentCalls')} />
        <Num field={P.bulkhead.maxWaitMs} path={at('bulkhead', 'maxWaitMs')} />
      </OptionalSection>

      <OptionalSection label="Rate limiter" path={at('rateLimiter')} help="A token bucket on the caller's side.">
        <Num field={P.rateLimiter.limitForPeriod} path={at('rateLimiter', 'limitForPeriod')} />
        <Num field={P.rateLimiter.periodMs} path={at('rateLimiter', 'periodMs')} />
        <Num field={P.rateLimiter.maxWaitMs} path={at('rateLimiter', 'maxWaitMs')} />
      </OptionalSection>

      <OptionalSection label="Adaptive throttling" path={at('adaptiveThrottling')} help="Rejects locally with probability max(0, (requests - K x accepts) / (requests + 1)).">
        <Num field={P.adaptiveThrottling.k} path={at('adaptiveThrottling', 'k')} />
        <Num field={P.adaptiveThrottling.windowS} path={at('adaptiveThrottling', 'windowS')} />
      </OptionalSection>

      <Choice
        label="Fallback"
        path={at('fallback')}
        options={[
          { value: 'none', label: 'none: the failure goes up' },
          { value: 'static', label: 'static value (degraded success)' },
          { value: 'cached', label: 'last cached answer' },
        ]}
      />
    </div>
  );
}

