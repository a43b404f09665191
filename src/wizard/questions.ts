import type { AnswerKey, Draft, OpsPractice, Role } from './answers';

/** One option of a radio group, in the user's words. */
export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly hint: string;
}

export type Field =
  | { readonly kind: 'number'; readonly key: 'developers' | 'teams'; readonly label: string; readonly hint: string }
  | { readonly kind: 'radio'; readonly key: RadioKey; readonly legend: string; readonly choices: readonly Choice[] }
  | { readonly kind: 'practices'; readonly key: 'ops'; readonly legend: string }
  | { readonly kind: 'capabilities'; readonly key: 'capabilities'; readonly label: string }
  | { readonly kind: 'roles'; readonly key: 'capabilities'; readonly legend: string };

export type RadioKey = 'domain' | 'deploy' | 'scaling' | 'deadline' | 'requirements' | 'consistency' | 'latency' | 'monolith';

export interface Question {
  readonly id: string;
  /** The heading: a question the user answers. */
  readonly title: string;
  /** One line: why the answer matters to the decision. */
  readonly why: string;
  readonly fields: readonly Field[];
}

const c = (value: string, label: string, hint: string): Choice => ({ value, label, hint });

export const QUESTIONS: readonly Question[] = [
  {
    id: 'team',
    title: 'How many people build this, and in how many teams?',
    why: 'Services pay off when several teams would otherwise wait on each other; a small group pays their cost without the benefit.',
    fields: [
      { kind: 'number', key: 'developers', label: 'Developers', hint: 'Everyone who writes and ships code for this system.' },
      { kind: 'number', key: 'teams', label: 'Teams', hint: 'Groups that plan and release on their own.' },
    ],
  },
  {
    id: 'domain',
    title: 'How well do you understand the domain?',
    why: 'Service boundaries are expensive to move once drawn. If you cannot name them yet, you are not ready to split along them.',
    fields: [
      {
        kind: 'radio',
        key: 'domain',
        legend: 'Can you name the bounded contexts?',
        choices: [
          c('unknown', 'Not yet', 'We are still discovering what the business needs.'),
          c('partial', 'Some of them', 'A few areas are clear, others keep shifting.'),
          c('clear', 'Yes, clearly', 'We can name each context, its language and its owner.'),
        ],
      },
    ],
  },
  {
    id: 'deploy',
    title: 'Do parts of the system need to be released independently?',
    why: 'Independent deployment is the main thing services buy you; without the need, you only get their costs.',
    fields: [
      {
        kind: 'radio',
        key: 'deploy',
        legend: 'Independent deployment',
        choices: [
          c('none', 'No', 'Releasing everything together is fine.'),
          c('some', 'Sometimes', 'One or two parts change on a different rhythm.'),
          c('strong', 'Yes, it is essential', 'Teams are blocked by each other\u2019s releases today.'),
        ],
      },
    ],
  },
  {
    id: 'scaling',
    title: 'Do parts of the system see very different load?',
    why: 'If one part takes a hundred times the traffic of the rest, scaling it alone saves money; if not, more copies of the whole do the job.',
    fields: [
      {
        kind: 'radio',
        key: 'scaling',
        legend: 'Independent scaling',
        choices: [
          c('none', 'No, load is even', 'All parts grow together.'),
          c('some', 'Somewhat', 'One part is busier, but not by orders of magnitude.'),
          c('strong', 'Yes, very different', 'One part needs many times the capacity of the rest.'),
        ],
      },
    ],
  },
  {
    id: 'pace',
    title: 'How much time do you have, and how settled are the requirements?',
    why: 'Building the platform for services takes time, and boundaries drawn before the requirements settle are usually drawn in the wrong place.',
    fields: [
      {
        kind: 'radio',
        key: 'deadline',
        legend: 'Deadline pressure',
        choices: [
          c('relaxed', 'Relaxed', 'We can invest in foundations first.'),
          c('normal', 'Normal', 'A usual release plan.'),
          c('tight', 'Tight', 'We must ship something soon.'),
        ],
      },
      {
        kind: 'radio',
        key: 'requirements',
        legend: 'Requirements',
        choices: [
          c('settled', 'Settled', 'We know what to build.'),
          c('changing', 'Changing', 'The shape is known, details move.'),
          c('unknown', 'Largely unknown', 'We are still finding product-market fit.'),
        ],
      },
    ],
  },
  {
    id: 'consistency',
    title: 'How much strong consistency does the domain need?',
    why: 'A transaction inside one database is simple; across services it becomes a saga with compensations and windows of inconsistency.',
    fields: [
      {
        kind: 'radio',
        key: 'consistency',
        legend: 'Strong consistency',
        choices: [
          c('local', 'Within each area only', 'Other parts may catch up a moment later.'),
          c('some', 'Some transactions span areas', 'For example placing an order reserves stock and takes payment.'),
          c('everywhere', 'Almost everywhere', 'Most operations must see one up-to-date truth.'),
        ],
      },
    ],
  },
  {
    id: 'latency',
    title: 'How sensitive are you to latency?',
    why: 'Every network hop adds delay and a way to fail; a chain of calls adds them up.',
    fields: [
      {
        kind: 'radio',
        key: 'latency',
        legend: 'Latency sensitivity',
        choices: [
          c('tolerant', 'Tolerant', 'Hundreds of milliseconds are fine.'),
          c('sensitive', 'Sensitive', 'Users notice slow pages; we watch p99.'),
          c('critical', 'Critical', 'Every millisecond counts (trading, real-time control).'),
        ],
      },
    ],
  },
  {
    id: 'ops',
    title: 'Which operational practices do you already have?',
    why: 'Many services need the platform to run them: without these, each new service multiplies the manual work and the blind spots.',
    fields: [{ kind: 'practices', key: 'ops', legend: 'We already have' }],
  },
  {
    id: 'monolith',
    title: 'Is there an existing system (a monolith) today?',
    why: 'Rewriting a working system in one go is the riskiest path; an existing monolith is migrated piece by piece or kept.',
    fields: [
      {
        kind: 'radio',
        key: 'monolith',
        legend: 'Existing monolith',
        choices: [
          c('none', 'No, this is new', 'We start from scratch.'),
          c('fine', 'Yes, and it serves us well', 'It works; we are asking how to grow it.'),
          c('hurting', 'Yes, and it slows us down', 'Releases are painful, parts cannot scale, teams collide.'),
        ],
      },
    ],
  },
  {
    id: 'capabilities',
    title: 'What are the business capabilities?',
    why: 'Modules or services follow what the business does, not technical layers; these names become the starter\u2019s services or modules.',
    fields: [{ kind: 'capabilities', key: 'capabilities', label: 'Capabilities, separated by commas' }],
  },
  {
    id: 'interactions',
    title: 'How is each capability reached?',
    why: 'The way a capability is used decides how it should communicate: a request waits for an answer, background work should not.',
    fields: [{ kind: 'roles', key: 'capabilities', legend: 'How each capability is reached' }],
  },
];

export const PRACTICE_LABELS: Readonly<Record<OpsPractice, string>> = {
  automatedDeploy: 'Rapid, automated deployment (CI/CD)',
  monitoring: 'Basic monitoring and alerting',
  tracing: 'Distributed tracing and correlated logs',
  onCall: 'On-call ownership by the teams that build the code',
  provisioning: 'Rapid provisioning of machines or environments',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  request: 'User request and response',
  background: 'Background work',
  notification: 'Reacts to events from others',
  realtime: 'Real-time updates to users',
  replication: 'Keeps a copy of others\u2019 data',
  throughput: 'High-volume intake',
};

/** Short names of the answers, for reasons and the decision record. */
export const ANSWER_LABELS: Readonly<Record<AnswerKey, string>> = {
  developers: 'Developers',
  teams: 'Teams',
  domain: 'Bounded contexts',
  deploy: 'Independent deployment',
  scaling: 'Independent scaling',
  deadline: 'Deadline pressure',
  requirements: 'Requirements',
  consistency: 'Strong consistency',
  latency: 'Latency sensitivity',
  ops: 'Operational practices',
  monolith: 'Existing monolith',
  capabilities: 'Business capabilities',
};

function choiceLabel(key: RadioKey, value: string): string {
  for (const q of QUESTIONS) {
    for (const f of q.fields) {
      if (f.kind === 'radio' && f.key === key) return f.choices.find((ch) => ch.value === value)?.label ?? value;
    }
  }
  return value;
}

/** The answer to `key` in words, e.g. "3" or "Not yet" or "none of the five". */
export function describeAnswer(key: AnswerKey, answers: Draft): string {
  const value = answers[key];
  if (value === undefined) return 'not answered';
  switch (key) {
    case 'developers':
    case 'teams':
      return String(value);
    case 'ops': {
      const ops = answers.ops ?? [];
      if (ops.length === 0) return 'none of the five';
      return ops.map((p) => PRACTICE_LABELS[p].split(' (')[0]).join('; ');
    }
    case 'capabilities':
      return (answers.capabilities ?? []).map((cap) => `${cap.name} (${ROLE_LABELS[cap.role].toLowerCase()})`).join(', ');
    default:
      return choiceLabel(key, String(value));
  }
}

/** The step (0-based) where `key` is asked. */
export function stepOf(key: AnswerKey): number {
  if (key === 'capabilities') return QUESTIONS.findIndex((q) => q.id === 'capabilities');
  return QUESTIONS.findIndex((q) => q.fields.some((f) => f.key === key));
}

/** The answers a step asks for. */
export function keysOf(question: Question): AnswerKey[] {
  return [...new Set(question.fields.map((f) => f.key))];
}
