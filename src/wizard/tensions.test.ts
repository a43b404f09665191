import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { TENSION_PENALTY, recommend } from './recommend';
import { LEGACY, PLATFORM, STARTUP } from './sampleAnswers';
import { findTensions } from './tensions';

const tensionIds = (a: Answers) => findTensions(a).map((t) => t.id);

describe('contradictory answers are explained, not ignored', () => {
  it('explains "we need independent scaling" against "a team of 2 without CI", and lets the team size win', () => {
    const answers: Answers = { ...STARTUP, developers: 2, domain: 'partial', scaling: 'strong', ops: [] };
    const r = recommend(answers);
    expect(r.outcome).toBe('monolith');
    const byId = Object.fromEntries(r.tensions.map((t) => [t.id, t]));
    expect(byId['independence-vs-small-team']?.text).toContain('You need independent scaling, but a team of 2');
    expect(byId['independence-vs-small-team']?.answers).toEqual(['scaling', 'developers']);
    expect(byId['independence-without-automation']?.text).toContain('there is no automated deployment');
    expect(byId['independence-without-automation']?.answers).toEqual(['scaling', 'ops']);
    // The need is still shown among the reasons, as one that points elsewhere.
    expect(r.reasons.find((x) => x.id === 'scale-independently')).toMatchObject({ stance: 'elsewhere', favours: 'microservices' });
  });

  it('explains "strong consistency everywhere" against "many teams" and suggests a module per team', () => {
    const answers: Answers = { ...PLATFORM, consistency: 'everywhere' };
    const t = findTensions(answers).find((x) => x.id === 'consistency-vs-many-teams');
    expect(t?.text).toContain('6 teams argue for splitting, strong consistency everywhere argues against it');
    expect(t?.text).toContain('give each team a module');
    expect(t?.answers).toEqual(['consistency', 'teams']);
  });

  it('lowers the confidence by a fixed amount per contradiction', () => {
    const calm = recommend(PLATFORM);
    const torn = recommend({ ...PLATFORM, latency: 'critical', deadline: 'tight' });
    expect(torn.tensions.map((t) => t.id)).toEqual(['latency-vs-split', 'deadline-vs-independent-deployment']);
    expect(torn.outcome).toBe('microservices');
    expect(torn.confidence.percent).toBeLessThanOrEqual(calm.confidence.percent - 2 * TENSION_PENALTY);
  });

  it('warns when the wish for independence comes before the boundaries are known', () => {
    expect(tensionIds({ ...PLATFORM, domain: 'unknown' })).toContain('independence-without-boundaries');
    expect(tensionIds({ ...STARTUP, teams: 3, developers: 9 })).toContain('independence-without-boundaries');
  });

  it('notices more teams than capabilities (a service owned by two teams)', () => {
    const t = findTensions({ ...LEGACY, teams: 6 }).find((x) => x.id === 'more-teams-than-capabilities');
    expect(t?.text).toContain('6 teams but only 4 capabilities');
  });

  it('notices settled requirements in a domain nobody can carve up yet', () => {
    expect(tensionIds({ ...STARTUP, requirements: 'settled' })).toContain('settled-requirements-unknown-domain');
  });

  it('finds nothing to explain in consistent answers', () => {
    expect(tensionIds(PLATFORM)).toEqual([]);
    expect(tensionIds(STARTUP)).toEqual([]);
  });
});
