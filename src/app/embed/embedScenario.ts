import { CHECKOUT_SCENARIO, builtInScenario } from '../../model';
import { decodeShareLink, isShareLink } from '../../share';
import { appStore } from '../../store';

/**
 * Puts the embedded scenario into the store without touching the user's library: the library is
 * never initialised and autosave never started in the embed view, so whatever happens in the
 * iframe, the work saved in this browser stays as it was.
 *
 * The scenario is the share link's in the fragment (`#s=...`) when there is one, else the
 * default. A link that cannot be read shows its message over the default scenario.
 */
export async function loadEmbedScenario(hash: string): Promise<void> {
  const state = appStore.getState();
  state.replaceScenario(builtInScenario(CHECKOUT_SCENARIO));
  if (!isShareLink(hash)) return;
  const decoded = await decodeShareLink(hash);
  if (decoded.ok) state.replaceScenario(decoded.scenario);
  else state.notify({ id: 'embed-link', tone: 'error', text: decoded.error.message, details: decoded.error.details });
}
