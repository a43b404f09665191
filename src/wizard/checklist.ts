import { OPS_PRACTICES, type AnswerKey, type Answers } from './answers';
import { PRACTICE_LABELS } from './questions';
import { SOURCES, type Outcome } from './rules';
import { missingPractices } from './rules';

export interface Prerequisite {
  readonly id: string;
  readonly text: string;
  readonly met: boolean;
  readonly answers: readonly AnswerKey[];
  readonly source: string;
}

/** What a team needs before it runs services (Fowler's list, tracing, and clear boundaries). */
export function prerequisites(a: Answers): Prerequisite[] {
  return [
    {
      id: 'boundaries',
      text: 'Clear service boundaries: you can name each bounded context',
      met: a.domain === 'clear',
      answers: ['domain'],
      source: SOURCES.newman,
    },
    ...OPS_PRACTICES.map((p) => ({
      id: p,
      text: PRACTICE_LABELS[p],
      met: a.ops.includes(p),
      answers: ['ops'] as const,
      source: p === 'tracing' ? SOURCES.newman : SOURCES.prerequisites,
    })),
  ];
}

export interface Risk {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly answers: readonly AnswerKey[];
  readonly source: string;
}

const splits = (o: Outcome) => o === 'microservices' || o === 'strangler-fig';

/** The risks of the chosen path, named after the principle each one breaks. */
export function risks(a: Answers, outcome: Outcome): Risk[] {
  const out: Risk[] = [];
  const add = (risk: Risk, when: boolean) => {
    if (when) out.push(risk);
  };
  const missing = missingPractices(a);
  add(
    {
      id: 'not-ready',
      title: "If you can't define clear service boundaries, you're not ready",
      text: 'The contexts are not all clear yet. Services cut along guessed lines turn into a distributed monolith that must change and deploy together.',
      answers: ['domain'],
      source: SOURCES.newman,
    },
    splits(outcome) && a.domain !== 'clear',
  );
  add(
    {
      id: 'devops-gap',
      title: 'Microservices need mature DevOps',
      text: `Still missing: ${missing.join('; ')}. Each service without them adds manual releases and blind spots.`,
      answers: ['ops'],
      source: SOURCES.prerequisites,
    },
    splits(outcome) && missing.length > 0,
  );
  add(
    {
      id: 'premature-split',
      title: 'Small teams start with a monolith; unknown requirements start monolith-first',
      text: 'Splitting this early pays the cost of distribution before its benefits arrive. Keep the first services few and coarse.',
      answers: ['developers', 'requirements'],
      source: SOURCES.monolithFirst,
    },
    splits(outcome) && (a.developers < 10 || a.requirements === 'unknown'),
  );
  add(
    {
      id: 'transactions-across-services',
      title: 'Strong consistency argues against splitting',
      text: 'Where a transaction spans services it becomes a saga with compensating steps and a window of inconsistency. Keep capabilities that share transactions in one service.',
      answers: ['consistency'],
      source: SOURCES.richardson,
    },
    splits(outcome) && a.consistency !== 'local',
  );
  add(
    {
      id: 'distributed-monolith',
      title: 'Distributed monolith',
      text: 'Services that are still released together carry every cost of distribution and none of its freedom.',
      answers: ['deploy'],
      source: SOURCES.newman,
    },
    splits(outcome) && a.deploy === 'none',
  );
  add(
    {
      id: 'sync-chains',
      title: 'Synchronous chains add latency and cascade failures',
      text: 'Each hop adds its latency and its failures to the caller. Keep chains to three hops, give every call a timeout and sync calls a breaker.',
      answers: ['latency'],
      source: SOURCES.nygard,
    },
    splits(outcome) && a.latency !== 'tolerant',
  );
  add(
    {
      id: 'big-ball-of-mud',
      title: 'A monolith without modules decays',
      text: 'Without enforced module boundaries the code grows into a big ball of mud that no one can split later. Give each capability a module with a public interface.',
      answers: ['teams', 'capabilities'],
      source: SOURCES.newmanMigration,
    },
    outcome === 'monolith' && (a.teams >= 2 || a.capabilities.length >= 6),
  );
  add(
    {
      id: 'module-erosion',
      title: 'Module boundaries erode unless enforced',
      text: 'Check the imports between modules in CI and give each module its own tables, so a module can later become a service.',
      answers: ['capabilities'],
      source: SOURCES.newmanMigration,
    },
    outcome === 'modular-monolith',
  );
  add(
    {
      id: 'stalled-migration',
      title: 'A strangler fig that stalls leaves two systems to run',
      text: 'Move one context at a time, finish it, and retire the old code before starting the next.',
      answers: ['monolith'],
      source: SOURCES.strangler,
    },
    outcome === 'strangler-fig',
  );
  add(
    {
      id: 'scaling-the-whole',
      title: 'The busy part scales only with the whole',
      text: 'Parts with very different load share one deployable; watch the cost. The busiest capability is the first candidate to extract.',
      answers: ['scaling'],
      source: SOURCES.newman,
    },
    !splits(outcome) && a.scaling === 'strong',
  );
  return out;
}
