/* global self, caches */
// Faultline's offline fallback (registered by src/app/lessons/offline.ts): network first, so an
// online page always gets fresh files; the cache answers only when the network does not.
const CACHE = 'faultline-offline-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'cache' && Array.isArray(event.data.urls) ? event.data.urls : [];
  const sameOrigin = urls.filter((url) => typeof url === 'string' && new URL(url).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(sameOrigin.map((url) => fetch(url).then((response) => (response.ok ? cache.put(url, response) : undefined)).catch(() => undefined))),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true, ignoreVary: true }).then((cached) => cached || Response.error())),
  );
});
