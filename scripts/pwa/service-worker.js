/* global self, caches */
// Faultline's service worker. The build (scripts/vite/precache.ts) replaces the placeholder below
// with {version, files}: every file of that build. Installing caches all of them, so after one
// visit the app, its lessons and the simulator (a worker script) run with no network.
const PRECACHE = self.__FAULTLINE_PRECACHE__;
const PREFIX = 'faultline-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
const PAGE = 'index.html';

const absolute = (file) => new URL(file, self.registration.scope).href;
const precached = new Set(PRECACHE.files.map(absolute));

// No skipWaiting: a new build's worker waits until no tab runs the old build. Taking over at once
// would delete the old build's cache under an open tab that still loads files from it later (the
// simulation worker on Run, the layout code on Auto-layout). New pages are not held back: the
// page itself is fetched network first, and files of the new build go to the network until then.
self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so a new build never stores an older copy of a file.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files.map((file) => new Request(absolute(file), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  // Older builds' caches (and the lesson-only fallback cache this worker replaced) go.
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The page: network first, so an online visit always gets the newest build; the cached page offline. */
function navigate(request) {
  return fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(absolute(PAGE))).then((page) => page || Response.error()));
}

/** Built files are named by their content: the cached copy is the right one, the network a fallback. */
function asset(request) {
  return caches
    .open(CACHE)
    .then((cache) => cache.match(request, { ignoreVary: true }))
    .then((cached) => cached || fetch(request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (precached.has(url.href)) event.respondWith(asset(request));
  // Anything else goes to the network untouched.
});
