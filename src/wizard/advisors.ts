import type { Answers, Capability } from './answers';
import { adviseCommunication, type InteractionAdvice } from './communication';
import { SOURCES, type Outcome } from './rules';

export interface Advice {
  readonly title: string;
  readonly text: string;
  readonly source: string;
}

export interface DecompositionAdvice extends Advice {
  readonly strategy: 'business-capability' | 'subdomain' | 'strangler-fig';
  /** The modules or services, in order (for the strangler fig: the first to extract comes first). */
  readonly units: readonly string[];
  readonly steps: readonly string[];
}

export interface DesignAdvice {
  readonly decomposition: DecompositionAdvice;
  readonly communication: readonly InteractionAdvice[];
  readonly data: readonly Advice[];
  readonly resilience: readonly Advice[];
}

const CLEAR_BOUNDARY = /auth|login|identity|account|payment|billing|invoice|checkout|search|notification|email/i;

/**
 * The capability to move out of the monolith first: a clear boundary (authentication,
 * payments...), then loose coupling (reached by events or a queue), then the busiest kind.
 */
export function firstExtraction(a: Answers): { capability: Capability; why: string } {
  const score = (c: Capability) =>
    (CLEAR_BOUNDARY.test(c.name) ? 4 : 0) +
    (c.role === 'notification' || c.role === 'background' ? 2 : 0) +
    (a.scaling === 'strong' && (c.role === 'throughput' || c.role === 'realtime') ? 3 : 0);
  const ranked = [...a.capabilities].sort((x, y) => score(y) - score(x));
  const capability = ranked[0] ?? { name: 'Capability', role: 'request' as const };
  const reasons = [
    CLEAR_BOUNDARY.test(capability.name) ? 'its boundary is usually clear' : null,
    capability.role === 'notification' || capability.role === 'background' ? 'it is reached asynchronously, so few calls cross the cut' : null,
    a.scaling === 'strong' && (capability.role === 'throughput' || capability.role === 'realtime') ? 'it needs its own scaling' : null,
  ].filter(Boolean);
  const why = reasons.length ? reasons.join(' and ') : 'it comes first in your list; pick the one that changes most often if that is another';
  return { capability, why };
}

function decomposition(a: Answers, outcome: Outcome): DecompositionAdvice {
  const names = a.capabilities.map((c) => c.name);
  if (outcome === 'strangler-fig') {
    const first = firstExtraction(a);
    const rest = names.filter((n) => n !== first.capability.name);
    return {
      strategy: 'strangler-fig',
      title: 'Strangler fig, one context at a time',
      text: `Extract ${first.capability.name} first: ${first.why}. Then follow with the contexts that change most often or need their own scaling.`,
      units: [first.capability.name, ...rest],
      steps: [
        `Pick one bounded context: ${first.capability.name}.`,
        `Build ${first.capability.name} as a new service with its own database.`,
        'Route its traffic to the new service through the gateway (the strangler facade); the rest still goes to the monolith.',
        'Move the old functionality over step by step (branch by abstraction inside the monolith).',
        `Retire ${first.capability.name} from the monolith, then pick the next context.`,
      ],
      source: SOURCES.strangler,
    };
  }
  const services = outcome === 'microservices';
  const bySubdomain = services && a.domain === 'clear' && (a.capabilities.length >= 5 || a.teams >= 3);
  return {
    strategy: bySubdomain ? 'subdomain' : 'business-capability',
    title: bySubdomain ? 'By subdomain (one bounded context per service)' : `By business capability (${services ? 'a service' : 'a module'} per capability)`,
    text: bySubdomain
      ? 'The domain is clear and large: model it as bounded contexts, one service per context, each owned by one team. A word that means different things in two places marks two contexts.'
      : `Follow what the business does, not technical layers: ${names.join(', ')}. ${services ? 'Each service' : 'Each module'} owns its data and is owned by one team; things that change together stay together.`,
    units: names,
    steps: [],
    source: bySubdomain ? SOURCES.evans : SOURCES.newman,
  };
}

function data(a: Answers, outcome: Outcome): Advice[] {
  const split = outcome === 'microservices' || outcome === 'strangler-fig';
  const out: Advice[] = [];
  if (split) {
    out.push({ title: 'Database per service', text: 'Each service owns its tables; others ask it or listen to its events. A shared database couples schemas and releases.', source: SOURCES.richardson });
  } else {
    out.push({
      title: outcome === 'modular-monolith' ? 'One database, a schema per module' : 'One database',
      text: outcome === 'modular-monolith'
        ? 'Each module writes only its own tables, so it can later take them along as its own database.'
        : 'One database keeps every transaction simple; name tables by capability so they can be separated later.',
      source: SOURCES.newmanMigration,
    });
  }
  const participants = a.capabilities.filter((c) => c.role === 'request');
  if (a.consistency !== 'local' && participants.length >= 2) {
    if (split) {
      const orchestrate = participants.length >= 3 || a.consistency === 'everywhere';
      const later = outcome === 'strangler-fig' ? ' Until these capabilities leave the monolith, their transaction stays a local one: extract them together or last.' : '';
      out.push({
        title: `Saga across ${participants.map((c) => c.name).join(', ')} (${orchestrate ? 'orchestration' : 'choreography'})`,
        text: `${orchestrate ? `With ${participants.length} steps, a coordinator makes the workflow explicit, easy to trace and its failure handling visible.` : 'A short workflow stays simple when each service reacts to the previous one\u2019s event.'} Every step needs a compensating step that undoes it, run in reverse order on failure.${later}`,
        source: SOURCES.richardson,
      });
    } else {
      out.push({ title: 'Local transactions', text: 'Transactions that span capabilities stay single database transactions inside the deployable: one of the main reasons to keep it whole.', source: SOURCES.richardson });
    }
  }
  const readers = a.capabilities.filter((c) => c.role === 'replication');
  if (readers.length > 0 || (split && a.scaling === 'strong')) {
    out.push({
      title: `CQRS${readers.length ? ` for ${readers.map((c) => c.name).join(', ')}` : ' where reads and writes differ'}`,
      text: 'Keep separate write and read models; the read model is denormalised and fed by events. It lags behind the writes, so show the lag to users.',
      source: SOURCES.richardson,
    });
  }
  if (readers.length > 0 && split) {
    out.push({ title: 'Event sourcing for the data others copy', text: 'Store the events rather than the latest state: copies can be rebuilt and audited. The price is complexity and versioned event schemas.', source: SOURCES.richardson });
  }
  return out;
}

function resilience(outcome: Outcome): Advice[] {
  const split = outcome === 'microservices' || outcome === 'strangler-fig';
  return [
    { title: 'Timeouts on every remote call', text: 'Derive each from the callee\u2019s p99 latency, not a round number. The starter sets them from the expected p99 of what sits behind each call.', source: SOURCES.aws },
    {
      title: split ? 'Circuit breakers on synchronous calls' : 'Circuit breakers on calls that leave the process',
      text: 'Fail fast once a dependency is failing instead of queueing behind it; the breaker closes again after a trial in half-open.',
      source: SOURCES.nygard,
    },
    { title: 'Retry at one layer only', text: 'Retry transient failures at the outermost call only, with exponential backoff, full jitter and a retry budget (20% of calls): retries at every layer multiply the load.', source: SOURCES.aws },
    { title: 'Bulkheads per dependency', text: 'Give each downstream its own concurrency limit, so one slow dependency cannot hold every worker.', source: SOURCES.nygard },
    { title: 'Health checks', text: 'Liveness (is the process up?) and readiness (can it take traffic now?) on every deployable; put a load balancer with health checks in front of replicated services.', source: SOURCES.sre },
  ];
}

/** The four design advisors that follow from the answers and the verdict. */
export function adviseDesign(a: Answers, outcome: Outcome): DesignAdvice {
  return {
    decomposition: decomposition(a, outcome),
    communication: adviseCommunication(a, outcome),
    data: data(a, outcome),
    resilience: resilience(outcome),
  };
}
