import { restore, type Scenario } from '../model';
import { LESSONS } from './catalog';
import { lessonScenarios, lessonTag } from './scenarios';
import type { Lesson } from './types';

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The scenario a lesson opens with, validated (throws on a broken lesson: the tests prevent it). */
export function lessonScenario(lesson: Lesson): Scenario {
  const base = lessonScenarios(lesson)[0];
  const result = restore(base?.raw);
  if (!result.ok) throw new Error(`lesson ${lesson.id}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

/** Is this scenario (possibly edited) one that was opened from this lesson? */
export function isLessonScenario(scenario: Scenario, lessonId: string): boolean {
  return scenario.metadata.tags?.includes(lessonTag(lessonId)) ?? false;
}
