import type { Answers } from './answers';
import { prerequisites, risks, type Prerequisite, type Risk } from './checklist';
import { OUTCOMES, OUTCOME_LABELS, SOURCES, fireRules, type Outcome, type Signal } from './rules';
import { findTensions, type Tension } from './tensions';

export type ConfidenceLevel = 'low' | 'medium' | 'high';

/** A reason as shown: the signal and where it stands relative to the verdict. */
export interface Reason extends Signal {
  /** 'for': it supports the verdict; 'against': it counts against it; 'elsewhere': it favours another option. */
  readonly stance: 'for' | 'against' | 'elsewhere';
  /** For 'elsewhere': the option it favours most. */
  readonly favours: Outcome | null;
}

export interface Recommendation {
  readonly outcome: Outcome;
  readonly confidence: { readonly percent: number; readonly level: ConfidenceLevel };
  /** Per option: its score, or null when it does not apply (strangler fig without a monolith...). */
  readonly scores: Readonly<Record<Outcome, number | null>>;
  readonly runnerUp: Outcome | null;
  readonly reasons: readonly Reason[];
  readonly tensions: readonly Tension[];
  readonly prerequisites: readonly Prerequisite[];
  readonly risks: readonly Risk[];
}

/** Each contradiction costs this many points of confidence. */
export const TENSION_PENALTY = 8;

/**
 * With a monolith in place, "microservices" means migrating to them: the weight for
 * microservices goes to the strangler fig. Without one, there is nothing to strangle.
 */
function adjust(signals: readonly Signal[], hasMonolith: boolean): Signal[] {
  if (!hasMonolith) return [...signals];
  const moved = signals.map((s) => {
    const toServices = s.leans.microservices;
    if (toServices === undefined) return s;
    const { microservices: _dropped, ...rest } = s.leans;
    return { ...s, leans: { ...rest, 'strangler-fig': (rest['strangler-fig'] ?? 0) + toServices } };
  });
  moved.push({
    id: 'no-big-bang',
    text: 'A system already exists, so moving to services means migrating: a big-bang rewrite halts delivery and often fails, while the strangler fig replaces it piece by piece behind a facade.',
    answers: ['monolith'],
    leans: {},
    source: SOURCES.strangler,
  });
  return moved;
}

function stanceOf(s: Signal, outcome: Outcome): Pick<Reason, 'stance' | 'favours'> {
  const own = s.leans[outcome] ?? 0;
  if (own > 0) return { stance: 'for', favours: null };
  if (own < 0) return { stance: 'against', favours: null };
  let favours: Outcome | null = null;
  let best = 0;
  for (const o of OUTCOMES) {
    const v = s.leans[o] ?? 0;
    if (v > best) {
      best = v;
      favours = o;
    }
  }
  return favours ? { stance: 'elsewhere', favours } : { stance: 'for', favours: null };
}

/** The rules engine: answers in, a verdict with its reasons, confidence, gaps and risks out. */
export function recommend(a: Answers): Recommendation {
  const hasMonolith = a.monolith !== 'none';
  const signals = adjust(fireRules(a), hasMonolith);
  const eligible = (o: Outcome) => (o === 'strangler-fig' ? hasMonolith : o === 'microservices' ? !hasMonolith : true);
  const scores = Object.fromEntries(
    OUTCOMES.map((o) => [o, eligible(o) ? signals.reduce((sum, s) => sum + (s.leans[o] ?? 0), 0) : null]),
  ) as Record<Outcome, number | null>;

  let outcome: Outcome = 'monolith';
  for (const o of OUTCOMES) {
    const score = scores[o];
    if (score !== null && score > (scores[outcome] ?? -Infinity)) outcome = o;
  }
  const ranked = OUTCOMES.filter((o) => o !== outcome && scores[o] !== null).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0));
  const runnerUp = ranked[0] ?? null;

  const tensions = findTensions(a);
  const positive = OUTCOMES.reduce((sum, o) => sum + Math.max(0, scores[o] ?? 0), 0);
  const share = positive > 0 ? Math.max(0, scores[outcome] ?? 0) / positive : 0.25;
  const percent = Math.max(20, Math.min(95, Math.round(share * 100) - TENSION_PENALTY * tensions.length));
  const level: ConfidenceLevel = percent >= 65 ? 'high' : percent >= 45 ? 'medium' : 'low';

  const rank = { for: 0, against: 1, elsewhere: 2 } as const;
  const reasons = signals
    .map((s) => ({ ...s, ...stanceOf(s, outcome) }))
    .sort((x, y) => rank[x.stance] - rank[y.stance] || Math.abs(y.leans[outcome] ?? 0) - Math.abs(x.leans[outcome] ?? 0));

  return {
    outcome,
    confidence: { percent, level },
    scores,
    runnerUp,
    reasons,
    tensions,
    prerequisites: prerequisites(a),
    risks: risks(a, outcome),
  };
}

/** "Modular monolith (72%, high confidence)". */
export function verdictLine(r: Recommendation): string {
  return `${OUTCOME_LABELS[r.outcome]} (${r.confidence.percent}%, ${r.confidence.level} confidence)`;
}
