// Built-in lessons: scenarios with a narrative and a claim the engine proves (src/cli/lessons.test.ts).
// Pure data and functions over src/model: the app renders them, the CLI tests them.
export * from './types';
export { LESSONS } from './catalog';
export { applyEdits, applyLessonChange, describeEdit, touchedItems, type ChangeResult } from './change';
export { BASE_VARIANT, lessonFileName, lessonScenarios, lessonTag, type LessonScenario } from './scenarios';
export { describeCheck, describeMetric, measure, passes } from './measure';
export { searchLessons } from './search';
export { lessonLink, parseLessonLink, type LessonLink } from './links';
export { findLesson, isLessonScenario, lessonScenario } from './open';
export { lessonFiles } from './files';
