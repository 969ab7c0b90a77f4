// The service worker: after the first visit, copydesk opens and compares with no network at all.
//
// `make dist` writes two things: BUILD below (a hash of every file of the site) and precache.txt (that
// hash on its first line, then every file of the site, one a line). Each build therefore has its own
// cache, and a changed sw.js, which the browser notices and installs at the next visit.
//
//   install    caches every file of the build (fetched past the HTTP cache), then takes over at once
//   activate   deletes the caches of older builds
//   fetch      the page itself (navigations): network first, so a new build shows at the next load,
//              the cached page when offline. Everything else of the site: this build's cache first.
//
// A page loaded while a newer build is already on the server must not mix files: when a navigation
// finds another build stamp in precache.txt, this worker serves everything from the network until the
// new worker takes over (main.js then offers to reload). Served from www/ without a build (BUILD still
// holds its placeholder) the worker caches nothing and stays out of the way.

const BUILD = '@BUILD@';
const CACHE_PREFIX = 'copydesk-';
const CACHE = `${CACHE_PREFIX}${BUILD}`;
const BUILT = !BUILD.startsWith('@');
/** The site's folder, whatever path it is served under (/, /copydesk/, ...). */
const SCOPE = new URL('./', self.location.href).href;
const INDEX = new URL('index.html', SCOPE).href;
const MANIFEST = new URL('precache.txt', SCOPE).href;
/** A navigation waits this long for the network before the cached page is used. */
const NETWORK_TIMEOUT_MS = 4000;

/** True once a navigation saw that the server has another build than this worker's. */
let outdated = false;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (!BUILT) return;
      const manifest = await fetch(MANIFEST, { cache: 'no-store' });
      const [, ...files] = (await manifest.text()).split('\n').filter(Boolean);
      const cache = await caches.open(CACHE);
      const urls = new Set([INDEX, ...files.map((file) => new URL(file, SCOPE).href)]);
      await cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!BUILT || request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (!outdated) event.respondWith(cachedFirst(request));
});

/** The page from the network (checking the build stamp on the way), or this build's copy offline. */
async function page(request) {
  try {
    const [response, latest] = await withTimeout(Promise.all([fetch(request), latestBuild()]));
    outdated = latest !== null && latest !== BUILD;
    return response;
  } catch {
    const cached = await caches.match(INDEX, { cacheName: CACHE });
    return cached ?? Response.error();
  }
}

async function cachedFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

/** The build stamp on the server, or null when it cannot be read. */
async function latestBuild() {
  try {
    const response = await fetch(MANIFEST, { cache: 'no-store' });
    return response.ok ? (await response.text()).split('\n', 1)[0] : null;
  } catch {
    return null;
  }
}

function withTimeout(promise) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('network timeout')), NETWORK_TIMEOUT_MS)),
  ]);
}
