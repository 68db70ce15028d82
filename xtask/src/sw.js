// Service worker of the Wlz ggz-wonen intake explorer (written by `cargo xtask build`).
// Offline after the first visit: every file of this release is cached under a
// versioned name; a new release installs next to it and takes over when no page
// of the old one is open or when the user accepts the page's offer to update
// (every open page then reloads); it then deletes the old cache, so there is
// never a mix of old JavaScript and new wasm. Query strings are ignored when
// matching the page.
const VERSION = '__VERSION__';
const FILES = __FILES__;
// Files of the release cached when first fetched instead of at install (large, rarely used).
const LAZY = __LAZY__.map((f) => new URL(f, self.location).href);
const CACHE = `wlz-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])));
});

// The page asks a waiting new release to take over when the user agrees.
self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('wlz-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      const url = new URL(request.url);
      if (response.ok && LAZY.includes(url.origin + url.pathname)) await cache.put(url.origin + url.pathname, response.clone());
      return response;
    }),
  );
});
