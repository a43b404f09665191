import type { AnswerKey, Answers } from './answers';

/**
 * Answers that pull in opposite directions. Each is explained (what conflicts, how the verdict
 * weighed it, what to do), never silently averaged away; each lowers the confidence.
 */
export interface Tension {
  readonly id: string;
  readonly text: string;
  readonly answers: readonly AnswerKey[];
}

function independence(a: Answers): { keys: AnswerKey[]; words: string } | null {
  const keys: AnswerKey[] = [];
  if (a.deploy === 'strong') keys.push('deploy');
  if (a.scaling === 'strong') keys.push('scaling');
  if (keys.length === 0) return null;
  const words = keys.length === 2 ? 'independent deployment and scaling' : keys[0] === 'deploy' ? 'independent deployment' : 'independent scaling';
  return { keys, words };
}

type Check = (a: Answers) => Tension | null;

const needVsSmallTeam: Check = (a) => {
  const need = independence(a);
  if (!need || a.developers >= 5) return null;
  return {
    id: 'independence-vs-small-team',
    answers: [...need.keys, 'developers'],
    text: `You need ${need.words}, but a team of ${a.developers} cannot run and watch many services. The team size weighed more: run more copies of the whole for now, and extract only the part that needs it once someone can own it.`,
  };
};

const needVsNoAutomation: Check = (a) => {
  const need = independence(a);
  if (!need || a.ops.includes('automatedDeploy')) return null;
  return {
    id: 'independence-without-automation',
    answers: [...need.keys, 'ops'],
    text: `You need ${need.words}, but there is no automated deployment, so every service would be released by hand. Automate deployment first: it is the first prerequisite, and independence is worth little without it.`,
  };
};

const consistencyVsTeams: Check = (a) =>
  a.consistency === 'everywhere' && a.teams >= 3
    ? {
        id: 'consistency-vs-many-teams',
        answers: ['consistency', 'teams'],
        text: `${a.teams} teams argue for splitting, strong consistency everywhere argues against it. A split across transactions turns each into a saga, so look for boundaries no transaction crosses; where there are none, give each team a module in one deployable instead of a service.`,
      }
    : null;

const independenceWithoutBoundaries: Check = (a) => {
  const need = independence(a);
  if (a.domain !== 'unknown' || (!need && a.teams < 3)) return null;
  const keys: AnswerKey[] = need ? need.keys : ['teams'];
  return {
    id: 'independence-without-boundaries',
    answers: ['domain', ...keys],
    text: `You want parts to be independent (${need ? need.words : `${a.teams} teams`}) but cannot name the boundaries yet. A wrong split costs more than none: find the boundaries inside one codebase first, then extract along them.`,
  };
};

const latencyVsSplit: Check = (a) => {
  const need = independence(a);
  if (!need || a.latency !== 'critical') return null;
  return {
    id: 'latency-vs-split',
    answers: ['latency', ...need.keys],
    text: `Latency is critical, yet you want ${need.words}. Split only where calls are rare or can be asynchronous, and keep the hot request path inside one process.`,
  };
};

const deadlineVsDeploy: Check = (a) =>
  a.deadline === 'tight' && a.deploy === 'strong'
    ? {
        id: 'deadline-vs-independent-deployment',
        answers: ['deadline', 'deploy'],
        text: 'You need independent releases but have a tight deadline. Build the first release as one deployable with firm module boundaries, and split once the deadline has passed.',
      }
    : null;

const teamsVsCapabilities: Check = (a) =>
  a.teams > a.capabilities.length
    ? {
        id: 'more-teams-than-capabilities',
        answers: ['teams', 'capabilities'],
        text: `There are ${a.teams} teams but only ${a.capabilities.length} ${a.capabilities.length === 1 ? 'capability' : 'capabilities'}: some teams would share one, and a service owned by two teams releases at the pace of both. Check the list of capabilities or the team structure.`,
      }
    : null;

const settledButUnknown: Check = (a) =>
  a.requirements === 'settled' && a.domain === 'unknown'
    ? {
        id: 'settled-requirements-unknown-domain',
        answers: ['requirements', 'domain'],
        text: 'The requirements are settled, yet the contexts cannot be named: model the domain (for example with event storming) before drawing any boundary. The verdict trusted the unclear domain more.',
      }
    : null;

const CHECKS: readonly Check[] = [
  needVsSmallTeam,
  needVsNoAutomation,
  consistencyVsTeams,
  independenceWithoutBoundaries,
  latencyVsSplit,
  deadlineVsDeploy,
  teamsVsCapabilities,
  settledButUnknown,
];

export function findTensions(a: Answers): Tension[] {
  return CHECKS.map((check) => check(a)).filter((t): t is Tension => t !== null);
}
