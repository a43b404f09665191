import { useEffect } from 'react';
import { findAction } from '../shortcuts';
import { goToStep, nextStep, previousStep, currentLesson } from './lessonActions';
import { lessonStore, useLessonState } from './lessonStore';
import { exitWorkshop, watchFullscreen } from './workshop';

/** Shortcuts that still work in the presenter view: running, undoing a step's change, zooming. */
const ALLOWED_ACTIONS = new Set(['run', 'pause', 'resume', 'cancel-run', 'undo', 'redo', 'fit', 'zoom-in', 'zoom-out']);
/** Keys the browser keeps: moving focus, pressing the focused button, function keys. */
const PASSED_KEYS = new Set(['Tab', 'Enter', 'Shift', 'Control', 'Alt', 'Meta']);

function onKeyDown(event: KeyboardEvent): void {
  const step = lessonStore.getState().stepIndex;
  const navigation: Record<string, () => void> = {
    ArrowRight: nextStep,
    ArrowDown: nextStep,
    PageDown: nextStep,
    ' ': event.shiftKey ? previousStep : nextStep,
    ArrowLeft: previousStep,
    ArrowUp: previousStep,
    PageUp: previousStep,
    Home: () => goToStep(0),
    End: () => goToStep((currentLesson()?.steps.length ?? 1) - 1),
    Escape: exitWorkshop,
  };
  const move = event.ctrlKey || event.metaKey || event.altKey ? undefined : navigation[event.key];
  if (move) {
    move();
    if (lessonStore.getState().stepIndex !== step) (document.activeElement as HTMLElement | null)?.blur?.();
  } else {
    const action = findAction(event);
    if ((action && ALLOWED_ACTIONS.has(action.id)) || PASSED_KEYS.has(event.key) || /^F\d{1,2}$/.test(event.key)) return;
  }
  // Everything else stops here: the presenter view is read-only.
  event.preventDefault();
  event.stopPropagation();
}

/** In the presenter view, the keyboard moves through the steps and edits nothing. */
export function useWorkshopKeys(): void {
  const workshop = useLessonState((s) => s.workshop);
  useEffect(() => watchFullscreen(), []);
  useEffect(() => {
    if (!workshop) return;
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [workshop]);
}
