import type { AnswerKey, Answers } from './answers';
import { adviseDesign } from './advisors';
import { ANSWER_LABELS, describeAnswer } from './questions';
import { recommend, type Recommendation } from './recommend';
import { OUTCOMES, OUTCOME_LABELS, type Outcome } from './rules';

const OPTION_SUMMARY: Readonly<Record<Outcome, string>> = {
  monolith: 'One deployable and one database. Simplest to build, test, run and change while the domain is young.',
  'modular-monolith': 'One deployable split into modules with enforced boundaries and a schema each. Keeps one release and in-process calls, prepares later extraction.',
  microservices: 'One independently deployable service per capability, each with its own database. Independence of teams, releases and scaling, paid for with distribution.',
  'strangler-fig': 'Keep the existing system running and move one context at a time into new services behind a facade.',
};

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const answerList = (keys: readonly AnswerKey[]) => keys.map((k) => ANSWER_LABELS[k]).join(', ');

function scoreText(r: Recommendation, o: Outcome): string {
  const score = r.scores[o];
  if (score === null) return o === 'strangler-fig' ? 'not applicable: there is no existing system to migrate' : 'not applicable: a system exists, so services come through migration';
  return `score ${score}`;
}

/** The decision as a Markdown architecture decision record. `date` is YYYY-MM-DD. */
export function decisionRecord(a: Answers, date: string): string {
  const r = recommend(a);
  const design = adviseDesign(a, r.outcome);
  const chosen = OUTCOME_LABELS[r.outcome];
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(`# ADR: ${chosen} for ${a.capabilities.map((c) => c.name).join(', ')}`, '', `- Status: proposed`, `- Date: ${date}`, `- Confidence: ${r.confidence.percent}% (${r.confidence.level})`, '');

  push('## Context', '');
  push(
    `${a.developers} ${a.developers === 1 ? 'developer' : 'developers'} in ${a.teams} ${a.teams === 1 ? 'team' : 'teams'} build a system with ${a.capabilities.length} business ${a.capabilities.length === 1 ? 'capability' : 'capabilities'}. ` +
      `Bounded contexts: ${describeAnswer('domain', a).toLowerCase()}. Existing monolith: ${describeAnswer('monolith', a).toLowerCase()}.`,
    '',
  );
  if (r.tensions.length > 0) {
    push('Answers that pull in opposite directions:', '');
    for (const t of r.tensions) push(`- ${t.text} (from: ${answerList(t.answers)})`);
    push('');
  }

  push('## Options considered', '');
  for (const o of OUTCOMES) push(`- **${OUTCOME_LABELS[o]}**${o === r.outcome ? ' (chosen)' : ''}: ${OPTION_SUMMARY[o]} (${scoreText(r, o)})`);
  push('');

  push('## Decision', '', `We choose **${chosen}**.`, '');
  const pros = r.reasons.filter((x) => x.stance === 'for');
  const cons = r.reasons.filter((x) => x.stance !== 'for');
  for (const x of pros) push(`- ${x.text} (from: ${answerList(x.answers)}; see ${x.source})`);
  if (cons.length > 0) {
    push('', 'Weighed against it:', '');
    for (const x of cons) push(`- ${x.text}${x.favours ? ` (favours ${OUTCOME_LABELS[x.favours].toLowerCase()})` : ''} (from: ${answerList(x.answers)})`);
  }
  push('', `Decomposition: ${design.decomposition.title}. ${design.decomposition.text}`, '');
  for (const [i, step] of design.decomposition.steps.entries()) push(`${i + 1}. ${step}`);
  if (design.decomposition.steps.length) push('');

  push('## Consequences', '');
  for (const risk of r.risks) push(`- Risk: **${risk.title}**. ${risk.text} (${risk.source})`);
  push('', 'Prerequisites:', '');
  for (const p of r.prerequisites) push(`- [${p.met ? 'x' : ' '}] ${p.text}`);
  push('', 'Communication:', '');
  for (const c of design.communication) push(`- ${c.capability}: ${c.pattern}. ${c.why} ${c.tradeoff}`);
  push('', 'Data:', '');
  for (const d of design.data) push(`- ${d.title}: ${d.text}`);
  push('', 'Resilience:', '');
  for (const d of design.resilience) push(`- ${d.title}: ${d.text}`);
  push('');

  push('## Answers', '', '| Question | Answer |', '| --- | --- |');
  for (const key of Object.keys(ANSWER_LABELS) as AnswerKey[]) push(`| ${ANSWER_LABELS[key]} | ${escapeCell(describeAnswer(key, a))} |`);
  push('');
  return `${lines.join('\n')}\n`;
}

/** "adr-microservices.md". */
export function decisionRecordFileName(outcome: Outcome): string {
  return `adr-${outcome}.md`;
}
