import type { Lesson, LessonEdit } from './types';
import { applyEdits } from './change';

export const BASE_VARIANT = 'base';

/** One scenario of a lesson: the lesson's own (`base`) or the one a step's change leads to. */
export interface LessonScenario {
  readonly variant: string;
  /** The file under examples/lessons/. */
  readonly fileName: string;
  /** The scenario as written (defaults omitted), ready to wrap in a file envelope. */
  readonly raw: Record<string, unknown>;
}

/** The tag that marks a scenario as a lesson's (so the app can tell whether it is open). */
export const lessonTag = (lessonId: string) => `lesson:${lessonId}`;

function lessonMetadata(lesson: Lesson) {
  return { description: lesson.summary, tags: ['lesson', lessonTag(lesson.id), ...lesson.tags] };
}

export function lessonFileName(lessonId: string, variant: string): string {
  return variant === BASE_VARIANT ? `${lessonId}.json` : `${lessonId}.${variant}.json`;
}

/**
 * Every scenario of a lesson: its own, then one per step with a change (the changes of all the
 * steps up to it applied in order, as someone following the steps would have them). Throws on a
 * change that does not apply: that is a bug in the lesson, which the tests catch.
 */
export function lessonScenarios(lesson: Lesson): LessonScenario[] {
  const { title, ...rest } = structuredClone(lesson.scenario) as Record<string, unknown>;
  const base = { title, metadata: lessonMetadata(lesson), ...rest };
  const out: LessonScenario[] = [{ variant: BASE_VARIANT, fileName: lessonFileName(lesson.id, BASE_VARIANT), raw: base }];
  let edits: LessonEdit[] = [];
  for (const step of lesson.steps) {
    if (!step.change) continue;
    edits = [...edits, ...step.change.edits];
    const variant = step.variant ?? `step${lesson.steps.indexOf(step) + 1}`;
    const changed = applyEdits(base, edits);
    if (!changed.ok) throw new Error(`lesson ${lesson.id}, variant ${variant}: ${changed.problem}`);
    out.push({ variant, fileName: lessonFileName(lesson.id, variant), raw: changed.value });
  }
  return out;
}
