import type { Signal } from '@angular/core';
import { DestroyRef, Injectable, Injector, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Locale, PublicGroupSummary, PublicSession } from '@kring/domain';
import type { Observable } from 'rxjs';
import { Subject, catchError, combineLatest, concat, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessageKey } from '../../core/http/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { PublicFinderApi } from '../data/public-finder.api';
import type { AGE_CHOICES } from '../shared/age-choices';
import { mergeSessions } from './finder-cards';

export type FinderState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly sessions: readonly PublicSession[]; readonly groups: readonly PublicGroupSummary[] }
  | { readonly status: 'error'; readonly messageKey: string };

type AgeChoice = (typeof AGE_CHOICES)[number];

/**
 * The coming sessions for the chosen age (every group when none is chosen) and the groups'
 * descriptions, in the page language. Loads again when the age or the language changes (a late
 * answer never overwrites a newer one) and on `retry()`. Provide it where the list is shown.
 */
@Injectable()
export class FinderStore {
  private readonly api = inject(PublicFinderApi);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  private readonly retries = new Subject<void>();
  private readonly state = signal<FinderState>({ status: 'loading' });

  readonly current = this.state.asReadonly();

  /** Follows the chosen age (from the page's address). */
  watch(choice: Signal<AgeChoice | null>): void {
    combineLatest([
      toObservable(this.language.locale, { injector: this.injector }),
      toObservable(choice, { injector: this.injector }),
      this.retries.pipe(startWith(undefined)),
    ])
      .pipe(
        switchMap(([locale, age]) => this.load(locale, age)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((state) => this.state.set(state));
  }

  retry(): void {
    this.retries.next();
  }

  private load(locale: Locale, age: AgeChoice | null): Observable<FinderState> {
    // "Older" covers two age bands: ask for both (groups for all ages come with each).
    const audiences: readonly (string | undefined)[] = age ? age.audiences : [undefined];
    const sessions = forkJoin(audiences.map((audience) => this.api.sessions({ audience, locale }))).pipe(map(mergeSessions));
    return concat(
      of<FinderState>({ status: 'loading' }),
      forkJoin([sessions, this.api.groups(locale)]).pipe(
        map(([found, list]): FinderState => ({ status: 'loaded', sessions: found, groups: list.items })),
        catchError((error: unknown) => of<FinderState>({ status: 'error', messageKey: apiErrorMessageKey(error) })),
      ),
    );
  }
}
