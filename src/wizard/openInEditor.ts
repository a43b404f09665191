import { restore } from '../model';
import { appStore } from '../store';
import type { Answers } from './answers';
import type { Outcome } from './rules';
import { starterDocument } from './starter';

/**
 * Builds the starter scenario, passes it through restore like any untrusted document, and opens
 * it in the editor as a new named scenario. Returns why it could not, or null.
 */
export function openInEditor(answers: Answers, outcome: Outcome): string | null {
  const restored = restore(starterDocument(answers, outcome));
  if (!restored.ok) {
    const first = restored.errors[0];
    return `The starter scenario could not be built (${first ? `${first.path}: ${first.message}` : 'unknown problem'}). This is a bug; please report it with your answers (Copy share link).`;
  }
  if (!appStore.getState().addScenario(restored.scenario)) {
    return 'The open scenario could not be saved, so the starter was not opened. Export your current scenario or free some storage, then try again.';
  }
  return null;
}
