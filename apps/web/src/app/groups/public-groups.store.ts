import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { Subject, catchError, combineLatest, concat, map, of, startWith, switchMap } from 'rxjs';
import type { Locale, PublicGroupSummary } from '@kring/domain';
import { apiErrorMessageKey } from '../core/http/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { PublicGroupsApi } from './public-groups.api';

export type PublicGroupsState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly items: readonly PublicGroupSummary[] }
  | { readonly status: 'error'; readonly messageKey: string };

/**
 * The public group list for the current language. Loads when created, again when the
 * language changes (a slower, older answer never overwrites a newer one) and on `retry()`.
 * Provide it where the list is shown, so it lives as long as that page.
 */
@Injectable()
export class PublicGroupsStore {
  private readonly api = inject(PublicGroupsApi);
  private readonly language = inject(LanguageService);
  private readonly retries = new Subject<void>();
  private readonly state = signal<PublicGroupsState>({ status: 'loading' });

  readonly current = this.state.asReadonly();
  readonly groups = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.items : [];
  });

  constructor() {
    combineLatest([toObservable(this.language.locale), this.retries.pipe(startWith(undefined))])
      .pipe(
        switchMap(([locale]) => this.load(locale)),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  /** Asks the API again, e.g. after an error or from the empty state. */
  retry(): void {
    this.retries.next();
  }

  private load(locale: Locale): Observable<PublicGroupsState> {
    return concat(
      of<PublicGroupsState>({ status: 'loading' }),
      this.api.list(locale).pipe(
        map((list): PublicGroupsState => ({ status: 'loaded', items: list.items })),
        catchError((error: unknown) => of<PublicGroupsState>({ status: 'error', messageKey: apiErrorMessageKey(error) })),
      ),
    );
  }
}
