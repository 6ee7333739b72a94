import type { EnvironmentProviders } from '@angular/core';
import { DOCUMENT, DestroyRef, Injector, inject, isDevMode, provideAppInitializer } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { ROOM_STORAGE_PREFIX } from '../data/room-storage';

/** The service worker that keeps the app shell on the phone (see public/sw.js). */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Offline support for the whole app, at start:
 * - in production builds, where the browser has them, registers the service worker (the app
 *   shell, bundles and translations then open without a connection);
 * - when taps from the room still wait on this phone, starts sending them (the room's code is
 *   loaded only then, so other visitors download nothing extra).
 */
export function provideOfflineSupport(): EnvironmentProviders {
  return provideAppInitializer(() => {
    const document = inject(DOCUMENT);
    const injector = inject(Injector);
    const window = document.defaultView;
    if (!window) return;
    if (!isDevMode()) {
      registerServiceWorker(window, document);
      // A page opened later (a lazy chunk, a feature's translations) is kept too, even when it
      // was fetched in the moment before the worker took over.
      const navigations = inject(Router).events.subscribe((event) => {
        if (event instanceof NavigationEnd) keepLoadedFiles(window);
      });
      inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
    }
    if (hasRoomData(window)) {
      void import('../data/room-sync').then(({ RoomSync }) => injector.get(RoomSync).flushSoon());
    }
  });
}

export function registerServiceWorker(window: Window, document: Document): void {
  const container = window.navigator.serviceWorker;
  if (!container) return;
  const register = () => {
    container
      .register(SERVICE_WORKER_URL, { scope: '/' })
      .then(() => container.ready)
      .then((registration) => registration.active?.postMessage({ type: 'cache-loaded', urls: loadedUrls(window) }))
      .catch(() => undefined); // no service worker: the app still works online
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Asks the service worker in charge (if any) to keep what the page loaded so far. */
export function keepLoadedFiles(window: Window): void {
  window.navigator.serviceWorker?.controller?.postMessage({ type: 'cache-loaded', urls: loadedUrls(window) });
}

/** What this page loaded before the service worker was there (bundles, styles, translations), to keep too. */
export function loadedUrls(window: Window): string[] {
  const origin = window.location.origin;
  const entries = window.performance?.getEntriesByType?.('resource') ?? [];
  return [...new Set(entries.map((entry) => entry.name))].filter(
    (url) => url.startsWith(origin) && !new URL(url).pathname.startsWith('/api/'),
  );
}

function hasRoomData(window: Window): boolean {
  try {
    const storage = window.localStorage;
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(`${ROOM_STORAGE_PREFIX}.`)) return true;
  } catch {
    // storage blocked: nothing kept, nothing to send
  }
  return false;
}
