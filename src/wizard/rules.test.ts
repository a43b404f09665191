import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { recommend, type Recommendation } from './recommend';
import { fireRules } from './rules';
import { LEGACY, PLATFORM, SCALE_UP, STARTUP } from './sampleAnswers';

const ids = (r: Recommendation, stance?: 'for' | 'against' | 'elsewhere') =>
  r.reasons.filter((x) => !stance || x.stance === stance).map((x) => x.id);
const reason = (r: Recommendation, id: string) => r.reasons.find((x) => x.id === id);

describe('the verdict for typical answers', () => {
  it('recommends a monolith to a team of 3 with an unknown domain, unknown requirements and a tight deadline', () => {
    const r = recommend(STARTUP);
    expect(r.outcome).toBe('monolith');
    expect(r.confidence.level).toBe('high');
    expect(ids(r, 'for')).toEqual(
      expect.arrayContaining(['small-team', 'boundaries-unknown', 'tight-deadline', 'requirements-unknown', 'ops-immature']),
    );
    expect(reason(r, 'small-team')?.text).toContain('Small teams start with a monolith');
    expect(reason(r, 'boundaries-unknown')?.text).toContain("If you can't define clear service boundaries, you're not ready");
    expect(reason(r, 'requirements-unknown')?.text).toContain('monolith-first');
  });

  it('recommends a modular monolith to 8 developers in 2 teams who can name only some contexts', () => {
    const r = recommend(SCALE_UP);
    expect(r.outcome).toBe('modular-monolith');
    expect(ids(r, 'for')).toEqual(expect.arrayContaining(['small-group', 'boundaries-partial', 'requirements-changing', 'consistency-some', 'ops-partial']));
    expect(r.runnerUp).toBe('microservices');
  });

  it('recommends microservices to 6 teams with clear contexts, independent deployment and scaling, and every practice in place', () => {
    const r = recommend(PLATFORM);
    expect(r.outcome).toBe('microservices');
    expect(r.confidence.percent).toBeGreaterThanOrEqual(80);
    expect(ids(r, 'for')).toEqual(
      expect.arrayContaining(['large-group', 'many-teams', 'boundaries-clear', 'deploy-independently', 'scale-independently', 'ops-ready', 'consistency-local']),
    );
    expect(r.scores['strangler-fig']).toBeNull();
    expect(r.risks).toEqual([]);
  });

  it('recommends a strangler-fig migration when the same pressures meet an existing monolith that hurts', () => {
    const r = recommend(LEGACY);
    expect(r.outcome).toBe('strangler-fig');
    expect(r.scores.microservices).toBeNull();
    expect(ids(r, 'for')).toEqual(expect.arrayContaining(['monolith-hurting', 'deploy-independently', 'scale-independently', 'many-teams']));
    expect(ids(r)).toContain('no-big-bang');
    expect(r.risks.map((x) => x.id)).toEqual(['devops-gap', 'transactions-across-services', 'sync-chains', 'stalled-migration']);
  });
});

describe('each reason is linked to the answers that produced it', () => {
  it('names the answer keys of every rule that fires', () => {
    const byId = Object.fromEntries(fireRules(PLATFORM).map((s) => [s.id, s.answers]));
    expect(byId).toEqual({
      'large-group': ['developers'],
      'many-teams': ['teams'],
      'boundaries-clear': ['domain'],
      'deploy-independently': ['deploy'],
      'scale-independently': ['scaling'],
      'requirements-settled': ['requirements'],
      'consistency-local': ['consistency'],
      'ops-ready': ['ops'],
      'many-capabilities': ['capabilities'],
    });
  });

  it('puts the reasons for the verdict first, then those against it, then those that favour another option', () => {
    const r = recommend({ ...PLATFORM, latency: 'critical' });
    const stances = r.reasons.map((x) => x.stance);
    expect(stances).toEqual([...stances].sort((a, b) => ['for', 'against', 'elsewhere'].indexOf(a) - ['for', 'against', 'elsewhere'].indexOf(b)));
    expect(reason(r, 'latency-critical')?.stance).toBe('against');
    expect(reason(r, 'many-capabilities')?.stance).toBe('for');
  });

  it('says which option a reason favours when it does not bear on the verdict', () => {
    const r = recommend({ ...PLATFORM, requirements: 'changing' });
    expect(reason(r, 'requirements-changing')).toMatchObject({ stance: 'elsewhere', favours: 'modular-monolith' });
  });
});

describe('single rules', () => {
  const base: Answers = { ...SCALE_UP };
  it.each([
    [{ developers: 2 }, 'small-team', 'monolith'],
    [{ developers: 45 }, 'large-group', 'microservices'],
    [{ teams: 1 }, 'one-team', 'monolith'],
    [{ domain: 'clear' }, 'boundaries-clear', 'microservices'],
    [{ deploy: 'none' }, 'deploy-together', 'monolith'],
    [{ scaling: 'none' }, 'scale-evenly', 'monolith'],
    [{ requirements: 'settled' }, 'requirements-settled', 'microservices'],
    [{ consistency: 'everywhere' }, 'consistency-everywhere', 'modular-monolith'],
    [{ ops: [] }, 'ops-immature', 'modular-monolith'],
    [{ monolith: 'fine' }, 'monolith-fine', 'monolith'],
  ] as const)('%o fires %s, which leans toward %s', (patch, id, toward) => {
    const fired = fireRules({ ...base, ...patch } as Answers).find((s) => s.id === id);
    expect(fired).toBeDefined();
    expect(fired?.leans[toward]).toBeGreaterThan(0);
    expect(fired?.source).toMatch(/Newman|Fowler|Evans|Richardson|Nygard|Conway/);
  });

  it('weighs strong consistency everywhere against splitting', () => {
    const fired = fireRules({ ...PLATFORM, consistency: 'everywhere' }).find((s) => s.id === 'consistency-everywhere');
    expect(fired?.leans.microservices).toBeLessThan(0);
    expect(fired?.text).toContain('argues against splitting');
  });

  it('says microservices need mature DevOps when at most two practices are in place', () => {
    const fired = fireRules({ ...PLATFORM, ops: ['monitoring'] }).find((s) => s.id === 'ops-immature');
    expect(fired?.text).toContain('Only 1 of the five operational practices is in place');
    expect(fired?.text).toContain('Microservices need mature DevOps');
  });

  it('says "none" rather than "only 0" when no practice is in place', () => {
    expect(fireRules({ ...PLATFORM, ops: [] }).find((s) => s.id === 'ops-immature')?.text).toMatch(/^None of the five operational practices is in place\./);
  });

  it('calls two capabilities too few to split (nanoservices)', () => {
    const r = recommend({ ...PLATFORM, capabilities: [{ name: 'Orders', role: 'request' }, { name: 'Mail', role: 'notification' }] });
    expect(reason(r, 'few-capabilities')?.text).toContain('nanoservices');
  });
});

describe('changing one answer changes the verdict', () => {
  it('turns the microservices platform into a strangler-fig migration when a painful monolith exists', () => {
    expect(recommend(PLATFORM).outcome).toBe('microservices');
    expect(recommend({ ...PLATFORM, monolith: 'hurting' }).outcome).toBe('strangler-fig');
  });

  it('keeps a healthy monolith when the team is small, instead of migrating', () => {
    expect(recommend({ ...STARTUP, monolith: 'fine' }).outcome).toBe('monolith');
  });

  it('drops from microservices to a modular monolith when nothing may be split apart: consistency everywhere and no platform', () => {
    const r = recommend({ ...PLATFORM, consistency: 'everywhere', ops: ['monitoring'], latency: 'critical' });
    expect(r.outcome).toBe('modular-monolith');
  });

  it('breaks a tie toward the simpler structure', () => {
    const r = recommend(SCALE_UP);
    const scores = Object.values(r.scores).filter((s): s is number => s !== null);
    expect(r.scores[r.outcome]).toBe(Math.max(...scores));
  });
});
