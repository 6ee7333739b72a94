import type { Signal, Type } from '@angular/core';
import { DestroyRef, afterNextRender, inject, signal } from '@angular/core';
import type { MatMenuTrigger } from '@angular/material/menu';

/**
 * The toolbar's menus (language, account) need Material's menu and overlay, some 20 kB gzipped: too much
 * for the first load of every page (issue 20). So a button that looks the same stands in, and the real
 * one is loaded when the browser is idle after the page shows, or at once when the stand-in is focused
 * or pressed. (A plain dynamic import rather than `@defer`, whose runtime would itself cost 3 kB.)
 */
export interface LazyComponent<T> {
  /** The component once loaded. */
  readonly component: Signal<Type<T> | undefined>;
  /** Load it now (again, after a failed attempt). */
  load(): void;
}

/**
 * Call in an injection context (a component's field or constructor). `whenIdle: false` leaves the loading
 * to `load()` alone (the account menu: only for someone signed in).
 */
export function lazyComponent<T>(importer: () => Promise<Type<T>>, { whenIdle = true } = {}): LazyComponent<T> {
  const component = signal<Type<T> | undefined>(undefined);
  let loading = false;
  let destroyed = false;
  const load = () => {
    if (loading || destroyed) return;
    loading = true;
    importer().then(
      (type) => {
        if (!destroyed) component.set(type);
      },
      // Offline, say: the stand-in stays, and the next press tries again.
      () => (loading = false),
    );
  };
  let cancel = () => undefined as void;
  inject(DestroyRef).onDestroy(() => {
    destroyed = true;
    cancel();
  });
  afterNextRender(() => {
    if (!whenIdle) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 2000 });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(load, 200);
      cancel = () => clearTimeout(id);
    }
  });
  return { component: component.asReadonly(), load };
}

/**
 * What was done to the stand-in, the real trigger does once it is there: take the focus, and open when
 * the stand-in was pressed.
 */
export function takeOverFromStandIn(trigger: MatMenuTrigger, pressed: boolean, focused: boolean): void {
  if (!pressed && !focused) return;
  trigger.focus('program');
  if (pressed) trigger.openMenu();
}
