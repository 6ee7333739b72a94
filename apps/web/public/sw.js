/*
 * Kring's service worker: keeps the app shell on the phone, so that a group worker who reloads
 * the roster in a room without wifi still gets the app (the roster itself, and the taps still to
 * send, are kept by the app in its own local store).
 *
 * - Page loads (navigations): network first, the kept index.html when the network fails or hangs.
 * - Bundles with a hash in their name (main-ABC123.js): cache first; they never change.
 * - Other files of the app (translations, icons, favicon): network first, the kept copy offline.
 * - Nothing under /api/ is ever touched: API answers are never cached here.
 *
 * Registered from the app in production builds only (see room/offline/offline-support.ts).
 */
const CACHE = 'kring-shell-v1';
const INDEX = '/index.html';
/** A network that neither answers nor fails (wifi that comes and goes) is given up on after this. */
const NETWORK_TIMEOUT_MS = 4000;
/** Angular names its bundles after their content (main-ABC123.js, chunk-Dj_mE1rd.js): such a name never changes. */
const HASHED = /^\/(?:chunk|main|polyfills|styles)-[\w-]{6,}\.(?:js|css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(new Request(INDEX, { cache: 'reload' })))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('kring-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The page tells what it loaded before this worker was in charge (its bundles, styles, translations). */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-loaded' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        data.urls
          .filter((url) => typeof url === 'string' && isAppFile(new URL(url, self.location.origin)))
          .map((url) =>
            cache.match(url).then(
              (kept) =>
                kept ||
                fetch(url)
                  .then((response) => keep(cache, url, response))
                  .catch(() => undefined),
            ),
          ),
      ),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (isAppFile(url)) {
    event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request, request));
  }
});

function isAppFile(url) {
  return url.origin === self.location.origin && !url.pathname.startsWith('/api/') && url.pathname !== '/sw.js';
}

/** Every page of the app is the same index.html: the newest one, or the kept one offline. */
async function page(request) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await withTimeout(fetch(request));
  } catch {
    const kept = await cache.match(INDEX);
    return kept || Response.error();
  }
  const type = response.headers.get('content-type') || '';
  if (response.ok && response.type === 'basic' && type.includes('text/html')) {
    const fresh = await response.clone().text();
    const kept = await cache.match(INDEX);
    const before = kept ? await kept.text() : null;
    await cache.put(INDEX, response.clone());
    if (before !== null && before !== fresh) await forgetOldBundles(cache, fresh);
  }
  return response;
}

/** A new version of the app: the bundles of the old one can never be used again. */
async function forgetOldBundles(cache, index) {
  const keys = await cache.keys();
  await Promise.all(
    keys
      .filter((request) => {
        const path = new URL(request.url).pathname;
        return HASHED.test(path) && !index.includes(path.slice(1));
      })
      .map((request) => cache.delete(request)),
  );
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  await keep(cache, request, response.clone());
  return response;
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request));
    await keep(cache, key, response.clone());
    return response;
  } catch {
    const kept = await cache.match(key, { ignoreSearch: true });
    return kept || Response.error();
  }
}

async function keep(cache, key, response) {
  if (response && response.ok && response.type === 'basic') await cache.put(key, response);
  return response;
}

function withTimeout(promise) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), NETWORK_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
