import type { Scenario } from '../../model';
import { envoy } from './envoy';
import { istio } from './istio';
import { mermaid } from './mermaid';
import { fileNameFor } from './names';
import { resilience4j } from './resilience4j';

/**
 * Text exports of the topology and its edge policies (Mermaid, Resilience4j, Envoy, Istio): each
 * is a pure function of the scenario. The export dialog lists them, each with a download and a
 * copy-to-clipboard button.
 */
export interface TextExport {
  /** Stable id, also used in test ids: 'mermaid', 'resilience4j', 'envoy', 'istio'. */
  readonly id: string;
  /** What the user sees: "Mermaid flowchart". */
  readonly label: string;
  /** One sentence: what it is for and what it holds. */
  readonly description: string;
  readonly fileName: (scenario: Scenario) => string;
  readonly mime: string;
  readonly render: (scenario: Scenario) => string;
}

export const CONFIG_EXPORTS: readonly TextExport[] = [
  {
    id: 'mermaid',
    label: 'Mermaid flowchart',
    description: 'The topology as a Mermaid flowchart for docs and pull requests: shapes by node kind, policies on the arrows, bounded contexts as subgraphs.',
    fileName: (s) => fileNameFor(s, '.mmd'),
    mime: 'text/vnd.mermaid',
    render: mermaid,
  },
  {
    id: 'resilience4j',
    label: 'Resilience4j application.yml',
    description: 'Spring Boot configuration with a circuit breaker, retry, bulkhead, rate limiter and time limiter instance per calling edge.',
    fileName: (s) => fileNameFor(s, '-resilience4j.yml'),
    mime: 'application/yaml',
    render: resilience4j,
  },
  {
    id: 'envoy',
    label: 'Envoy clusters',
    description: 'An Envoy bootstrap per calling service: one cluster per callee with circuit breakers and outlier detection, and routes with timeouts and retry policies.',
    fileName: (s) => fileNameFor(s, '-envoy.yaml'),
    mime: 'application/yaml',
    render: envoy,
  },
  {
    id: 'istio',
    label: 'Istio VirtualService and DestinationRule',
    description: 'Istio resources per called service: route timeouts, retries and fault injection from the fault timeline, plus outlier detection and connection pools.',
    fileName: (s) => fileNameFor(s, '-istio.yaml'),
    mime: 'application/yaml',
    render: istio,
  },
];
