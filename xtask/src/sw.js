// Service worker of the Wlz ggz-wonen intake explorer (written by `cargo xtask build`).
// Offline after the first visit: every file of this release is cached under a
// versioned name; a new release installs next to it and takes over only when no
// page of the old one is open, then deletes the old cache (never a mix of old
// JavaScript and new wasm). Query strings are ignored when matching the page.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `wlz-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['./', ...FILES])));
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
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreSearch: true })) || fetch(request)),
  );
});
