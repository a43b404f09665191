import type { Answers, Capability, Role } from './answers';
import type { Outcome } from './rules';

/** How one capability should be reached, with the reason and the price. */
export interface InteractionAdvice {
  readonly capability: string;
  readonly role: Role;
  readonly pattern: string;
  readonly why: string;
  readonly tradeoff: string;
}

interface Pattern {
  readonly pattern: string;
  readonly why: string;
  readonly tradeoff: string;
}

const PATTERNS: Readonly<Record<Role, Pattern>> = {
  request: {
    pattern: 'Synchronous REST',
    why: 'The user waits for the answer, and a direct call gives it with the least delay.',
    tradeoff: 'It ties the caller to the callee being up: give the call a timeout and a circuit breaker.',
  },
  background: {
    pattern: 'Queue',
    why: 'Nobody should wait for this work; a queue takes it off the request path and retries what fails.',
    tradeoff: 'The work finishes later: show its progress and make the handler safe to run twice.',
  },
  notification: {
    pattern: 'Publish/subscribe topic',
    why: 'It reacts to what happened elsewhere; the publisher need not know who listens.',
    tradeoff: 'A chain of events is harder to trace: carry a correlation id in every message.',
  },
  realtime: {
    pattern: 'WebSocket or server-sent events',
    why: 'Updates stream to the user as they happen instead of being polled for.',
    tradeoff: 'Long-lived connections: plan for reconnects and for spreading connections over replicas.',
  },
  replication: {
    pattern: 'Event sourcing feeding a read model',
    why: 'It rebuilds its copy from the owner\u2019s stream of events, which also gives a full audit trail and replay.',
    tradeoff: 'More moving parts, and changing the shape of past events needs care.',
  },
  throughput: {
    pattern: 'Messaging with a broker in front',
    why: 'High volume arrives in bursts; a broker buffers the spikes and lets consumers pull at their own pace.',
    tradeoff: 'Messages can arrive twice or out of order: design for both.',
  },
};

/** The pattern the communication table gives a role, e.g. "Queue". */
export function patternFor(role: Role): string {
  return PATTERNS[role].pattern;
}

/** One piece of advice per capability, by how it is reached (the communication table). */
export function adviseCommunication(a: Answers, outcome: Outcome): InteractionAdvice[] {
  const inProcess = outcome === 'monolith' || outcome === 'modular-monolith';
  return a.capabilities.map((c: Capability) => {
    const base = PATTERNS[c.role];
    let pattern = base.pattern;
    let why = base.why;
    if (c.role === 'request' && a.latency === 'critical') {
      pattern = 'Synchronous gRPC';
      why = `${why} gRPC's compact binary calls over HTTP/2 keep each hop short, at the cost of wire readability.`;
    }
    if (inProcess && (c.role === 'request' || c.role === 'notification' || c.role === 'replication')) {
      const inside: Record<string, string> = {
        request: 'A call to the module\u2019s public interface, in process',
        notification: 'In-process domain events (an outbox once it leaves the process)',
        replication: 'A read model updated in the same transaction or from in-process events',
      };
      pattern = inside[c.role] ?? pattern;
      why = `Inside one deployable the modules talk in process; keep the interface narrow so the module can leave later. (As a service: ${base.pattern.toLowerCase()}.)`;
    }
    return { capability: c.name, role: c.role, pattern, why, tradeoff: base.tradeoff };
  });
}
