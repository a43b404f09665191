import { describe, expect, it } from 'vitest';
import { restore } from '../model';
import { applyLessonChange } from './change';
import { LESSONS } from './catalog';
import { lessonScenario } from './open';
import { BASE_VARIANT, lessonScenarios } from './scenarios';
import { LESSON_TAGS } from './types';

describe('the lesson catalogue', () => {
  it('has at least 14 lessons with unique ids that can name files', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,64}$/);
  });

  it('covers every topic the issue asks for and every tag', () => {
    const ids = new Set(LESSONS.map((l) => l.id));
    for (const id of [
      'synchronous-chain',
      'retry-storm',
      'metastable-failure',
      'circuit-breaker',
      'backoff-jitter',
      'bulkhead',
      'timeouts',
      'queue-spike',
      'saga',
      'gateway-aggregation',
      'shared-database',
      'health-checks',
      'cache-stampede',
      'load-shedding',
      'strangler-fig',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    for (const tag of LESSON_TAGS) expect(LESSONS.some((l) => l.tags.includes(tag)), tag).toBe(true);
  });

  it.each(LESSONS)('$id has its parts: 2-5 steps, a takeaway, reading and a claim with numbers', (lesson) => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
    expect(lesson.steps.length).toBeLessThanOrEqual(5);
    expect(lesson.tags.length).toBeGreaterThan(0);
    for (const text of [lesson.title, lesson.summary, lesson.setup, lesson.takeaway, lesson.claim.text]) expect(text.length).toBeGreaterThan(10);
    expect(lesson.reading.length).toBeGreaterThan(0);
    expect(lesson.claim.checks.length).toBeGreaterThanOrEqual(2);
    for (const check of lesson.claim.checks) expect(check.atLeast !== undefined || check.atMost !== undefined).toBe(true);
  });

  it.each(LESSONS)('$id: every change names its variant and every check names a scenario of the lesson', (lesson) => {
    const variants = lessonScenarios(lesson).map((s) => s.variant);
    expect(new Set(variants).size).toBe(variants.length);
    for (const step of lesson.steps) if (step.change) expect(step.variant, step.text).toMatch(/^[a-z0-9-]+$/);
    for (const check of lesson.claim.checks) expect(variants).toContain(check.variant);
    // A claim compares: it checks the lesson's own scenario and at least one variant.
    expect(lesson.claim.checks.some((c) => c.variant === BASE_VARIANT)).toBe(true);
  });

  it.each(LESSONS)('$id: clicking Apply on each step in order gives exactly the variant scenarios', (lesson) => {
    let scenario = lessonScenario(lesson);
    const files = lessonScenarios(lesson).slice(1);
    for (const step of lesson.steps) {
      if (!step.change) continue;
      const applied = applyLessonChange(scenario, step.change);
      if (!applied.ok) throw new Error(`${lesson.id}: ${applied.problems.join('; ')}`);
      scenario = applied.scenario;
      const file = files.find((f) => f.variant === step.variant);
      const restored = restore(file?.raw);
      if (!restored.ok) throw new Error(restored.errors.map((e) => e.message).join('; '));
      expect(scenario).toEqual(restored.scenario);
    }
  });
});
