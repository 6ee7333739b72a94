import { BreakpointObserver } from '@angular/cdk/layout';
import type { Signal } from '@angular/core';
import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Wide enough for a side navigation next to the content. */
export const DESKTOP_QUERY = '(min-width: 840px)';
/** Wide enough for a table next to the side navigation (below it: a list of cards). */
export const WIDE_QUERY = '(min-width: 1100px)';

/** Whether the screen matches a media query, as a signal. Call in an injection context. */
export function mediaMatches(query: string): Signal<boolean> {
  const breakpoints = inject(BreakpointObserver);
  return toSignal(breakpoints.observe(query).pipe(map((state) => state.matches)), {
    initialValue: breakpoints.isMatched(query),
  });
}
