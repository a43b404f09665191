import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, type Scenario } from '../../model';
import { findLesson } from '../../lessons';
import { decodeShareLink, encodeShareLink, type ShareView } from '../../share';
import { jsonEqual } from '../../share/json';
import { VARIANT_RECIPES, appStore, type RecipeId } from '../../store';
import { canvasApi } from '../../editor/canvasApi';
import { lessonStore } from '../lessons/lessonStore';
import { shareStore } from './shareStore';

const NOTICE = 'share-link';
const state = () => appStore.getState();

/**
 * Would opening a link over the open scenario take away nothing the user made? True only for
 * the example or a blank scenario exactly as Faultline made them.
 */
function isUntouched(open: Scenario): boolean {
  return [CHECKOUT_SCENARIO, BLANK_SCENARIO].some((template) => jsonEqual(open, builtInScenario(template)));
}

/** What the receiver should see besides the scenario: the open lesson step and a compare variant in use. */
function currentView(): ShareView {
  const lesson = lessonStore.getState();
  const s = state();
  const variant = s.compareVariant;
  const comparing = variant.kind === 'recipes' && variant.recipes.length > 0 && (s.comparePhase !== 'idle' || s.bottomTab === 'compare');
  return {
    ...(lesson.lessonId !== null ? { lesson: { id: lesson.lessonId, stepIndex: lesson.stepIndex } } : {}),
    ...(comparing ? { compareRecipes: [...variant.recipes] } : {}),
  };
}

function applyView(view: ShareView): void {
  if (view.lesson) {
    const lesson = findLesson(view.lesson.id);
    if (lesson) lessonStore.setState({ lessonId: lesson.id, stepIndex: Math.min(view.lesson.stepIndex, lesson.steps.length - 1), browserOpen: false });
  }
  if (view.compareRecipes) {
    const known = new Set<string>(VARIANT_RECIPES.map((r) => r.id));
    const recipes = view.compareRecipes.filter((id): id is RecipeId => known.has(id));
    if (recipes.length > 0) {
      state().setCompareVariant({ kind: 'recipes', recipes });
      state().setBottomTab('compare');
    }
  }
}

/** Opens a linked scenario as a new named scenario (the open one is saved first) and restores its view. */
export function openShared(scenario: Scenario, view: ShareView): void {
  const previous = state().scenario.title;
  if (!state().addScenario(scenario)) return; // the library said why (storage full)
  state().clearRun();
  applyView(view);
  state().notify({ id: NOTICE, tone: 'info', text: `Opened the shared scenario “${scenario.title}” as a new scenario; “${previous}” is still in Scenarios.`, ttlMs: 8000 });
  requestAnimationFrame(() => canvasApi()?.fitView());
}

let latest = 0;

/** Reads a `#s=` link: a bad one only gets a message; a good one opens, after asking when work would be replaced. */
export async function handleShareLink(link: string): Promise<void> {
  const ticket = ++latest;
  const decoded = await decodeShareLink(link);
  if (ticket !== latest) return; // a newer link arrived meanwhile
  if (!decoded.ok) {
    const { message, details, technical } = decoded.error;
    state().notify({ id: NOTICE, tone: 'error', text: `${message} Nothing was changed.`, details, ...(technical ? { technical } : {}) });
    return;
  }
  if (jsonEqual(state().scenario, decoded.scenario)) {
    // Already open (the same link followed twice): a second copy in Scenarios would help nobody.
    applyView(decoded.view);
    state().notify({ id: NOTICE, tone: 'info', text: `The shared scenario “${decoded.scenario.title}” is already open.`, ttlMs: 6000 });
  } else if (isUntouched(state().scenario)) openShared(decoded.scenario, decoded.view);
  else shareStore.setState({ pending: { scenario: decoded.scenario, view: decoded.view } });
}

/** The "Copy share link" action: the link goes to the clipboard and into a dialog (clipboard access may be refused). */
export async function copyShareLink(): Promise<void> {
  const fragment = await encodeShareLink(state().scenario, currentView());
  const { origin, pathname, search } = window.location;
  const url = `${origin}${pathname}${search}${fragment}`;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    // Denied or unavailable (no permission, an insecure origin): the dialog shows the link to copy by hand.
  }
  shareStore.setState({ copiedLink: { url, copied } });
}
