import checkoutText from '../../../examples/checkout.json?raw';
import everyKindText from '../../../examples/every-kind.json?raw';
import { builtInScenario, restoreText, type Scenario, type ScenarioInput } from '../../model';

function load(text: string): Scenario {
  const result = restoreText(text);
  if (!result.ok) throw new Error(`example does not restore: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** examples/checkout.json and examples/every-kind.json, restored as the app would open them. */
export const checkout = (): Scenario => load(checkoutText);
export const everyKind = (): Scenario => load(everyKindText);

/** Labels and ids chosen to break naive quoting: YAML syntax, HTML, line breaks, look-alike ids. */
export function hostile(): Scenario {
  const input: ScenarioInput = {
    title: 'Evil: "title" # not a comment\nkey: injected',
    groups: [{ id: 'Order_Service', label: '<b>ctx</b> "quoted" | pipe' }],
    nodes: [
      { id: 'users', kind: 'client', label: 'true' },
      { id: 'Order_Service', kind: 'service', label: '</div><script>alert(1)</script>', group: 'Order_Service' },
      { id: 'order.service', kind: 'service', label: 'Order service: "v2" # {yes}\nnext: line' },
      { id: 'end', kind: 'database', label: '1e3' },
      { id: '9lives', kind: 'queue', label: '- item & `tick` #35;' },
    ],
    edges: [
      { id: 'e1', from: 'users', to: 'Order_Service', policy: { timeoutMs: 0.5 } },
      {
        id: 'e2',
        from: 'Order_Service',
        to: 'order.service',
        label: 'calls "v2"\n|x|',
        policy: {
          timeoutMs: 250,
          retry: { maxAttempts: 4, backoff: 'exponential', baseMs: 10, multiplier: 3, maxMs: 500, jitter: 'decorrelated', budget: { ratioPercent: 10, minPerSec: 5 } },
          bulkhead: { maxConcurrentCalls: 12, maxWaitMs: 0 },
          adaptiveThrottling: { k: 2, windowS: 60 },
          deadlinePropagation: true,
        },
      },
      { id: 'e3', from: 'order.service', to: 'end', policy: { timeoutMs: 100, retry: { maxAttempts: 2, retryOn: { error: false, timeout: true, rejection: true } } } },
      { id: 'e4', from: 'order.service', to: '9lives', kind: 'async' },
    ],
    faults: [
      { id: 'f1', kind: 'latency', target: 'order.service', startS: 5, durationS: 5, addMs: 100, factor: 3 },
      { id: 'f2', kind: 'packetLoss', target: 'e2', startS: 1, durationS: 2, percent: 5 },
    ],
  };
  return builtInScenario(input);
}
