import type { AnswerKey, Answers } from './answers';
import { OPS_PRACTICES } from './answers';
import { PRACTICE_LABELS } from './questions';

export type Outcome = 'monolith' | 'modular-monolith' | 'microservices' | 'strangler-fig';

/** Simplest first: a tie goes to the simpler structure (start simple, split later). */
export const OUTCOMES: readonly Outcome[] = ['monolith', 'modular-monolith', 'strangler-fig', 'microservices'];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  monolith: 'Monolith',
  'modular-monolith': 'Modular monolith',
  microservices: 'Microservices',
  'strangler-fig': 'Strangler-fig migration',
};

export const SOURCES = {
  newman: 'Sam Newman, Building Microservices',
  newmanMigration: 'Sam Newman, Monolith to Microservices',
  monolithFirst: 'Martin Fowler, MonolithFirst',
  prerequisites: 'Martin Fowler, MicroservicePrerequisites',
  strangler: 'Martin Fowler, StranglerFigApplication',
  evans: 'Eric Evans, Domain-Driven Design',
  richardson: 'Chris Richardson, Microservices Patterns',
  nygard: 'Michael Nygard, Release It!',
  conway: 'Melvin Conway, How Do Committees Invent? (Conway\u2019s law)',
  sre: 'Google, Site Reliability Engineering',
  aws: 'AWS Builders\u2019 Library, Timeouts, retries and backoff with jitter',
} as const;

/** One rule that fired: a reason in words, the answers behind it, and how it weighs each outcome. */
export interface Signal {
  readonly id: string;
  readonly text: string;
  readonly answers: readonly AnswerKey[];
  /** Points toward (positive) or against (negative) each outcome. */
  readonly leans: Readonly<Partial<Record<Outcome, number>>>;
  readonly source: string;
}

type Rule = (a: Answers) => Signal | null;

const signal = (id: string, answers: readonly AnswerKey[], leans: Signal['leans'], source: string, text: string): Signal => ({
  id,
  text,
  answers,
  leans,
  source,
});

const teamSize: Rule = ({ developers: n }) => {
  if (n < 5) {
    return signal('small-team', ['developers'], { monolith: 3, 'modular-monolith': 1 }, `${SOURCES.newman}; ${SOURCES.monolithFirst}`,
      `With ${n} ${n === 1 ? 'developer' : 'developers'}, one codebase fits in everyone's head; services would add deployments, network calls and pagers with nobody spare to own them. Small teams start with a monolith.`);
  }
  if (n < 10) {
    return signal('small-group', ['developers'], { 'modular-monolith': 2, monolith: 1 }, SOURCES.newman,
      `A group of ${n} is below the size where one deployable becomes a bottleneck; clear modules inside it keep coordination cheap.`);
  }
  if (n >= 30) {
    return signal('large-group', ['developers'], { microservices: 2 }, SOURCES.newman,
      `${n} developers in one deployable turn every release into a queue; separately deployable parts shorten it.`);
  }
  return signal('growing-group', ['developers'], { microservices: 1, 'modular-monolith': 1 }, SOURCES.newman,
    `${n} developers start to step on each other in one codebase without firm internal boundaries.`);
};

const teamCount: Rule = ({ teams }) => {
  if (teams >= 3) {
    return signal('many-teams', ['teams'], { microservices: 2 }, `${SOURCES.conway}; ${SOURCES.newman}`,
      `${teams} teams can each release alone only if their code deploys alone: services that follow team lines let Conway's law work for you.`);
  }
  if (teams === 2) {
    return signal('two-teams', ['teams'], { 'modular-monolith': 1, microservices: 1 }, SOURCES.newman,
      'Two teams can share one deployable when module boundaries keep their work apart.');
  }
  return signal('one-team', ['teams'], { monolith: 1, 'modular-monolith': 1 }, SOURCES.newman,
    'One team owns everything, so there is no team boundary for a service boundary to follow.');
};

const domain: Rule = ({ domain: level }) => {
  if (level === 'unknown') {
    return signal('boundaries-unknown', ['domain'], { monolith: 3, microservices: -3 }, `${SOURCES.newman}; ${SOURCES.monolithFirst}`,
      "You cannot name the bounded contexts yet. If you can't define clear service boundaries, you're not ready to split: find them inside one codebase, where moving a boundary is a refactoring, not a migration.");
  }
  if (level === 'partial') {
    return signal('boundaries-partial', ['domain'], { 'modular-monolith': 2, microservices: -1 }, SOURCES.evans,
      'Some contexts are clear: give them modules with explicit interfaces first, and extract a module only once its boundary has stopped moving.');
  }
  return signal('boundaries-clear', ['domain'], { microservices: 1, 'modular-monolith': 1 }, SOURCES.evans,
    'You can name the bounded contexts, so there are clear lines to split along (one context per service or module).');
};

const deploy: Rule = ({ deploy: need }) => {
  if (need === 'strong') {
    return signal('deploy-independently', ['deploy'], { microservices: 3 }, SOURCES.newman,
      'Releasing parts independently is essential to you, and that is the main benefit services bring.');
  }
  if (need === 'some') {
    return signal('deploy-sometimes', ['deploy'], { microservices: 1, 'modular-monolith': 1 }, SOURCES.newman,
      'Some parts change on their own rhythm: modules can ship together for now, and the busiest one can be extracted when the pain grows.');
  }
  return signal('deploy-together', ['deploy'], { monolith: 1, 'modular-monolith': 1 }, SOURCES.newman,
    'Releasing everything together is acceptable, so the main benefit of services would go unused.');
};

const scaling: Rule = ({ scaling: need }) => {
  if (need === 'strong') {
    return signal('scale-independently', ['scaling'], { microservices: 3 }, SOURCES.newman,
      'Parts with very different load can be scaled alone as services, instead of scaling everything for the busiest part.');
  }
  if (need === 'some') {
    return signal('scale-somewhat', ['scaling'], { microservices: 1 }, SOURCES.newman,
      'One part is busier than the rest; more copies of the whole usually absorb that, but watch whether the gap grows.');
  }
  return signal('scale-evenly', ['scaling'], { monolith: 1 }, SOURCES.newman, 'Load is even, so running more copies of one deployable scales it.');
};

const deadline: Rule = ({ deadline: pressure }) =>
  pressure === 'tight'
    ? signal('tight-deadline', ['deadline'], { monolith: 2, microservices: -1 }, SOURCES.monolithFirst,
        'A tight deadline leaves no time to build the deployment, monitoring and tracing that services need: ship one deployable first.')
    : null;

const requirements: Rule = ({ requirements: state }) => {
  if (state === 'unknown') {
    return signal('requirements-unknown', ['requirements'], { monolith: 2, microservices: -2 }, SOURCES.monolithFirst,
      'The requirements are still unknown: start monolith-first and extract services once the boundaries show themselves.');
  }
  if (state === 'changing') {
    return signal('requirements-changing', ['requirements'], { 'modular-monolith': 1 }, SOURCES.monolithFirst,
      'The requirements still move, and boundaries inside one codebase are cheap to redraw while they do.');
  }
  return signal('requirements-settled', ['requirements'], { microservices: 1 }, SOURCES.newman,
    'Settled requirements make boundaries drawn now likely to last.');
};

const consistency: Rule = ({ consistency: need }) => {
  if (need === 'everywhere') {
    return signal('consistency-everywhere', ['consistency'], { monolith: 2, 'modular-monolith': 2, microservices: -3 }, SOURCES.richardson,
      'Strong consistency is needed almost everywhere, which argues against splitting: split data turns most operations into sagas with compensations, while one database keeps them plain transactions.');
  }
  if (need === 'some') {
    return signal('consistency-some', ['consistency'], { 'modular-monolith': 1 }, SOURCES.richardson,
      'A few transactions span areas; split apart, each of them becomes a saga of local steps with compensations.');
  }
  return signal('consistency-local', ['consistency'], { microservices: 1 }, SOURCES.richardson,
    'Consistency is needed only within each area, so each part can own its data and the others catch up through events.');
};

const latency: Rule = ({ latency: need }) => {
  if (need === 'critical') {
    return signal('latency-critical', ['latency'], { monolith: 1, 'modular-monolith': 2, microservices: -2 }, SOURCES.nygard,
      'Latency is critical: an in-process call takes nanoseconds, a network call milliseconds, and a chain of them adds up.');
  }
  if (need === 'sensitive') {
    return signal('latency-sensitive', ['latency'], { 'modular-monolith': 1 }, SOURCES.nygard,
      'Latency matters to you, so any split must keep chains of synchronous calls short.');
  }
  return null;
};

/** The practices of MicroservicePrerequisites (plus tracing) that the answers lack. */
export function missingPractices(a: Answers): string[] {
  return OPS_PRACTICES.filter((p) => !a.ops.includes(p)).map((p) => PRACTICE_LABELS[p]);
}

const operations: Rule = (a) => {
  const have = a.ops.length;
  const missing = missingPractices(a);
  if (have === OPS_PRACTICES.length) {
    return signal('ops-ready', ['ops'], { microservices: 2 }, SOURCES.prerequisites,
      'All five operational practices are in place: the prerequisites for running many services are met.');
  }
  if (have >= 3) {
    return signal('ops-partial', ['ops'], { 'modular-monolith': 1 }, SOURCES.prerequisites,
      `${have} of the five operational practices are in place; the rest (${missing.join('; ')}) must come before the first service.`);
  }
  return signal('ops-immature', ['ops'], { monolith: 1, 'modular-monolith': 1, microservices: -3 }, SOURCES.prerequisites,
    `${have === 0 ? 'None of the five operational practices is' : `Only ${have} of the five operational practices ${have === 1 ? 'is' : 'are'}`} in place. Microservices need mature DevOps: without automated deployment and monitoring every new service multiplies manual work and blind spots.`);
};

const monolith: Rule = ({ monolith: state }) => {
  if (state === 'hurting') {
    return signal('monolith-hurting', ['monolith'], { 'strangler-fig': 3, 'modular-monolith': 1 }, SOURCES.strangler,
      'Your existing monolith slows you down: replace it piece by piece with the strangler fig rather than a rewrite; sharpening its modules helps either way.');
  }
  if (state === 'fine') {
    return signal('monolith-fine', ['monolith'], { monolith: 2, 'modular-monolith': 1 }, SOURCES.newmanMigration,
      'Your existing monolith serves you well: keep it and sharpen its module boundaries; extract only the part that hurts.');
  }
  return null;
};

const capabilityCount: Rule = ({ capabilities }) => {
  const n = capabilities.length;
  if (n <= 2) {
    return signal('few-capabilities', ['capabilities'], { monolith: 2, microservices: -1 }, SOURCES.newman,
      `Only ${n} ${n === 1 ? 'capability' : 'capabilities'}: as services they would be tiny, all network cost and no independence (nanoservices).`);
  }
  if (n >= 6) {
    return signal('many-capabilities', ['capabilities'], { 'modular-monolith': 1, microservices: 1 }, SOURCES.evans,
      `${n} capabilities are a lot for one codebase without firm internal boundaries.`);
  }
  return null;
};

export const RULES: readonly Rule[] = [teamSize, teamCount, domain, deploy, scaling, deadline, requirements, consistency, latency, operations, monolith, capabilityCount];

/** Every rule that fires for these answers, in question order. */
export function fireRules(a: Answers): Signal[] {
  return RULES.map((rule) => rule(a)).filter((s): s is Signal => s !== null);
}
