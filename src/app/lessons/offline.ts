import simWorkerUrl from '../../worker/sim.worker.ts?worker&url';

/**
 * Keeps the app usable without a network once it has been loaded (workshop rooms have bad
 * Wi-Fi): a small service worker (public/offline-sw.js) answers from the network when it can
 * and from its cache when it cannot, and is handed the files this page loaded plus the
 * simulation worker's script, which is otherwise fetched only when a run starts.
 * Production builds only; registered when a lesson is opened.
 */
let requested = false;

export function keepAvailableOffline(): void {
  if (requested || !import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  requested = true;
  const base = new URL('./', window.location.href);
  void navigator.serviceWorker
    .register(new URL('offline-sw.js', base), { scope: base.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.startsWith(window.location.origin));
      const page = `${window.location.origin}${window.location.pathname}`;
      const urls = [...new Set([page, new URL(simWorkerUrl, base).href, ...loaded])];
      registration.active?.postMessage({ type: 'cache', urls });
    })
    .catch(() => undefined);
}
