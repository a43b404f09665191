import { applyLessonChange, findLesson, isLessonScenario, lessonScenario, touchedItems, type Lesson, type LessonStep } from '../../lessons';
import { appStore } from '../../store';
import { lessonStore } from './lessonStore';
import { exitWorkshop, fitCanvasSoon } from './workshop';


/** The open lesson, if any. */
export function currentLesson(): Lesson | undefined {
  const id = lessonStore.getState().lessonId;
  return id === null ? undefined : findLesson(id);
}

/** Is the scenario in the editor the open lesson's (so its steps' changes apply to it)? */
export function editorHoldsLesson(lessonId: string): boolean {
  return isLessonScenario(appStore.getState().scenario, lessonId);
}

/**
 * Opens a lesson at a step: its scenario becomes a new named scenario in the editor (the one
 * open now is saved first) and its steps show in the side panel. With `reuse`, a scenario of
 * this lesson already in the editor is kept (a reloaded link does not add a copy each time).
 */
export function openLesson(lessonId: string, stepIndex = 0, options: { reuse?: boolean } = {}): boolean {
  const lesson = findLesson(lessonId);
  if (!lesson) return false;
  if (!(options.reuse && editorHoldsLesson(lessonId))) {
    if (!appStore.getState().addScenario(lessonScenario(lesson))) return false;
    // The results on screen belong to the scenario that was open before.
    appStore.getState().clearRun();
  }
  lessonStore.setState({ lessonId, stepIndex: Math.max(0, Math.min(stepIndex, lesson.steps.length - 1)), browserOpen: false });
  fitCanvasSoon();
  return true;
}

export function closeLesson(): void {
  exitWorkshop();
  lessonStore.setState({ lessonId: null, stepIndex: 0 });
  fitCanvasSoon();
}

/** Moves to a step of the open lesson (clamped to its steps). */
export function goToStep(stepIndex: number): void {
  const lesson = currentLesson();
  if (!lesson) return;
  lessonStore.setState({ stepIndex: Math.max(0, Math.min(stepIndex, lesson.steps.length - 1)) });
}

export const nextStep = () => goToStep(lessonStore.getState().stepIndex + 1);
export const previousStep = () => goToStep(lessonStore.getState().stepIndex - 1);

/** Applies a step's change to the scenario in the editor as one undoable edit. */
export function applyStep(lesson: Lesson, step: LessonStep): void {
  const change = step.change;
  if (!change) return;
  const state = appStore.getState();
  if (!editorHoldsLesson(lesson.id)) {
    state.notify({ id: 'lesson-apply', tone: 'warning', text: `The scenario in the editor is not this lesson's. Reopen "${lesson.title}" to apply its steps.`, ttlMs: 8000 });
    return;
  }
  const result = applyLessonChange(state.scenario, change);
  if (!result.ok) {
    state.notify({ id: 'lesson-apply', tone: 'error', text: `"${change.label}" could not be applied to the scenario as it is now (it was edited?). Nothing was changed.`, details: result.problems });
    return;
  }
  const changed = JSON.stringify(result.scenario) !== JSON.stringify(state.scenario);
  if (!changed) {
    state.notify({ id: 'lesson-apply', tone: 'info', text: `"${change.label}" is already applied.`, ttlMs: 4000 });
    return;
  }
  state.apply(change.label, () => result.scenario);
  // Select what changed, so the inspector shows it.
  const touched = touchedItems(change);
  const exists = (list: readonly { id: string }[]) => (id: string) => list.some((item) => item.id === id);
  state.select({ nodes: touched.nodes.filter(exists(result.scenario.nodes)), edges: touched.edges.filter(exists(result.scenario.edges)) });
  state.notify({ id: 'lesson-apply', tone: 'info', text: `Applied "${change.label}". Undo with Ctrl+Z.`, ttlMs: 5000 });
  if (result.scenario.nodes.length !== state.scenario.nodes.length) fitCanvasSoon();
}

