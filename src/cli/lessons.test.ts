import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS, describeCheck, lessonFiles, lessonScenarios, measure, passes, type Lesson } from '../lessons';
import { restore, type RunResult } from '../model';
import { simulate } from '../sim';
import { main } from './main';

const dir = new URL('../../examples/lessons/', import.meta.url).pathname;

/** Runs each scenario of a lesson once (with the lesson's own seed), on first use. */
function runner(lesson: Lesson): (variant: string) => RunResult {
  const scenarios = new Map(lessonScenarios(lesson).map((s) => [s.variant, s.raw]));
  const results = new Map<string, RunResult>();
  return (variant) => {
    const cached = results.get(variant);
    if (cached) return cached;
    const restored = restore(scenarios.get(variant));
    if (!restored.ok) throw new Error(`${lesson.id}.${variant}: ${restored.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const result = simulate(restored.scenario);
    expect(result.status, `${lesson.id}.${variant} ran to the end`).toBe('completed');
    results.set(variant, result);
    return result;
  };
}

describe.each(LESSONS)('lesson $id: the claim holds in the engine', (lesson) => {
  const run = runner(lesson);
  it.each(lesson.claim.checks.map((check) => [describeCheck(check), check] as const))('%s', (_name, check) => {
    const value = measure(run(check.variant), check.metric);
    expect(passes(check, value), `${describeCheck(check)}: measured ${value}`).toBe(true);
  }, 30_000); // the first check of a scenario runs it: a second or two, more on a busy machine
});

describe('lesson scenario files', () => {
  it('examples/lessons/ holds exactly the lessons’ scenarios (run npm run lessons)', () => {
    const expected = lessonFiles();
    const present = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(present.sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('every lesson file runs with the command line (exit 0)', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      let err = '';
      const code = await main([join(dir, file), '--duration', '2', '--format', 'json'], () => undefined, (t) => (err += t));
      expect({ file, code, err }).toEqual({ file, code: 0, err: '' });
    }
  }, 120_000);
});
