import { DOCUMENT, DestroyRef, inject, signal } from '@angular/core';
import type { Signal } from '@angular/core';

/**
 * Whether the browser says it has a connection, following `online` and `offline` events, for as
 * long as the calling component lives. Call in an injection context.
 */
export function browserOnline(): Signal<boolean> {
  const window = inject(DOCUMENT).defaultView;
  const online = signal(window?.navigator.onLine ?? true);
  const update = () => online.set(window?.navigator.onLine ?? true);
  window?.addEventListener('online', update);
  window?.addEventListener('offline', update);
  inject(DestroyRef).onDestroy(() => {
    window?.removeEventListener('online', update);
    window?.removeEventListener('offline', update);
  });
  return online.asReadonly();
}
