import { useEffect } from 'react';
import { isShareLink } from '../../share';
import { handleShareLink } from './shareActions';

/**
 * Opens `#s=` scenario links on start and whenever the fragment changes. The fragment is removed
 * as soon as it is read, so a reload does not ask again (and React's double effects in
 * development do not read it twice).
 */
export function useShareLink(): void {
  useEffect(() => {
    const read = () => {
      const { hash, pathname, search } = window.location;
      if (!isShareLink(hash)) return;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
      void handleShareLink(hash);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
}
