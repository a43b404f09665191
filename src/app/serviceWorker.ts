/**
 * Registers the service worker the build emits (sw.js, see scripts/vite/precache.ts), which
 * caches every file of the build at install: after one visit the app, the lessons and the
 * simulator work with no network (workshop rooms have bad Wi-Fi) and the app can be installed.
 * Production builds only: the dev server's files change on every edit and must never be cached.
 */
let registration: Promise<ServiceWorkerRegistration | null> | null = null;

export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (registration) return registration;
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) {
    registration = Promise.resolve(null);
    return registration;
  }
  const base = new URL('./', window.location.href);
  registration = navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).catch((error: unknown) => {
    // Offline support is a bonus: the app works without it, so a failure is only logged.
    console.warn('Faultline could not register its service worker, so it will not work offline.', error);
    return null;
  });
  return registration;
}
