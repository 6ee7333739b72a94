import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/**
 * The time now, read again every `everyMs` while the page lives (so a session that closes while
 * the page is open shows as closed). Call in an injection context: the timer stops with the page.
 */
export function tickingNow(everyMs = 30_000): Signal<Date> {
  const now = signal(new Date());
  const timer = setInterval(() => now.set(new Date()), everyMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
