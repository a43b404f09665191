import { useEffect } from 'react';
import { isWizardLink } from './shareLink';
import { wizardStore } from './wizardStore';

/**
 * Opens `#wizard=` links: on start and whenever the fragment changes. The fragment is removed
 * once read, so a reload shows the saved wizard instead of reapplying the link.
 */
export function useWizardLink(): void {
  useEffect(() => {
    const read = () => {
      const { hash, pathname, search } = window.location;
      if (!isWizardLink(hash)) return;
      wizardStore.getState().applyLink(hash);
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
}
