import type { Lesson, LessonTag } from './types';

function haystack(lesson: Lesson): string {
  return [lesson.title, lesson.summary, lesson.setup, lesson.takeaway, lesson.tags.join(' '), lesson.id].join(' ').toLowerCase();
}

/**
 * The lessons with `tag` (any when null) whose text contains every word of `query`
 * (case-insensitive), in catalogue order; title matches first.
 */
export function searchLessons(lessons: readonly Lesson[], query: string, tag: LessonTag | null): Lesson[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = lessons.filter((lesson) => (tag === null || lesson.tags.includes(tag)) && words.every((w) => haystack(lesson).includes(w)));
  const inTitle = (lesson: Lesson) => words.length > 0 && words.every((w) => lesson.title.toLowerCase().includes(w));
  return [...found.filter(inTitle), ...found.filter((l) => !inTitle(l))];
}
