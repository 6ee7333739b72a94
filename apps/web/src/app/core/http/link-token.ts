import type { Signal } from '@angular/core';
import { computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';

/** The token in a page address's fragment, `#token=…`; null when there is none. */
export function tokenOfFragment(fragment: string | null | undefined): string | null {
  if (!fragment) return null;
  return new URLSearchParams(fragment).get('token') || null;
}

/**
 * The token of the personal link this page was opened with (the manage link, a set-password
 * link). Links carry it in the fragment (`#token=…`), which the browser sends to no server and
 * no Referer; links sent before carried it as `?token=…`, which is moved to the fragment at once
 * (replacing the address in the history). The API gets it in the `X-Link-Token` header only.
 * Call in an injection context (a component's field).
 */
export function linkToken(): Signal<string | undefined> {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const fragment = toSignal(route.fragment, { initialValue: route.snapshot.fragment });
  const fromQuery = route.snapshot.queryParamMap.get('token');
  if (fromQuery) {
    void router.navigate([], {
      relativeTo: route,
      queryParams: { token: null },
      queryParamsHandling: 'merge',
      fragment: `token=${fromQuery}`,
      replaceUrl: true,
    });
  }
  return computed(() => tokenOfFragment(fragment()) ?? fromQuery ?? undefined);
}
