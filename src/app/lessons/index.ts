/** Lessons in the app: the browser, the side panel, workshop (presenter) mode and lesson links. */
export { LessonLayer } from './LessonLayer';
export { LessonPanel } from './LessonPanel';
export { openLessonBrowser } from './lessonStore';
