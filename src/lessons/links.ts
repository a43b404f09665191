import type { Lesson } from './types';

/** What a `#lesson=...` link asks for; steps count from 1 in links, from 0 here. */
export type LessonLink =
  | { readonly ok: true; readonly lessonId: string; readonly stepIndex: number; readonly workshop: boolean }
  | { readonly ok: false; readonly message: string };

const LINK = /^#lesson=([A-Za-z0-9_-]{1,64})(?:&step=(\d{1,3}))?(&workshop)?$/;

/** The link that opens a lesson at a step (0-based here, 1-based in the link). */
export function lessonLink(lessonId: string, stepIndex: number, workshop = false): string {
  return `#lesson=${lessonId}&step=${stepIndex + 1}${workshop ? '&workshop' : ''}`;
}

/**
 * Reads a location hash: null when it is not a lesson link at all; otherwise the lesson and
 * step it opens, or a message saying what is wrong with it (and nothing is opened).
 */
export function parseLessonLink(hash: string, lessons: readonly Lesson[]): LessonLink | null {
  if (!hash.startsWith('#lesson')) return null;
  const match = LINK.exec(hash);
  if (!match) {
    return { ok: false, message: 'This lesson link is not valid: expected #lesson=<lesson id>&step=<step number>.' };
  }
  const [, id = '', stepText, workshop] = match;
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) return { ok: false, message: `This link opens a lesson "${id}", which does not exist. Open the lesson browser to find one.` };
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1 || step > lesson.steps.length) {
    return { ok: false, message: `The lesson "${lesson.title}" has ${lesson.steps.length} steps, so step ${stepText ?? ''} does not exist.` };
  }
  return { ok: true, lessonId: id, stepIndex: step - 1, workshop: workshop !== undefined };
}
