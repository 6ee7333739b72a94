import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { FinderCard } from '../finder-card/finder-card';
import { ageChoice } from '../shared/age-choices';
import { pluralKey } from '../shared/plural';
import { isoWeekdayName } from '../shared/when';
import { finderCards, placesOf, weekdaysOf } from './finder-cards';
import { FinderStore } from './finder.store';

/**
 * The groups for the chosen age, as cards; place and day narrow the list (optional).
 * Everything chosen lives in the address (`?voor=baby&plaats=…&dag=4`), so Back works.
 */
@Component({
  selector: 'kr-finder-page',
  imports: [
    FinderCard,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [FinderStore],
  templateUrl: './finder-page.html',
  styleUrl: './finder-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FinderPage {
  private readonly store = inject(FinderStore);
  private readonly router = inject(Router);
  private readonly locale = inject(LanguageService).locale;

  /** The age chosen on "Wat zoek je?" (none: every group). */
  readonly voor = input<string>();
  /** A place's name. */
  readonly plaats = input<string>();
  /** ISO weekday, 1 = Monday. */
  readonly dag = input<string>();

  protected readonly choice = computed(() => ageChoice(this.voor()));
  protected readonly headingKey = computed(() => `parents.finder.heading.${this.choice()?.id ?? 'all'}`);
  protected readonly state = this.store.current;
  protected readonly filter = computed(() => {
    const day = Number(this.dag());
    return { place: this.plaats() || null, weekday: Number.isInteger(day) && day >= 1 && day <= 7 ? day : null };
  });
  protected readonly filtered = computed(() => this.filter().place !== null || this.filter().weekday !== null);
  private readonly sessions = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.sessions : [];
  });
  protected readonly places = computed(() => placesOf(this.sessions()));
  protected readonly weekdays = computed(() =>
    weekdaysOf(this.sessions()).map((day) => ({ day, name: isoWeekdayName(day, this.locale()) })),
  );
  /** The intro asks only what the filters below offer: where, when, or both. */
  protected readonly narrowKey = computed(() => {
    const where = this.places().length > 1;
    const when = this.weekdays().length > 1;
    return where && when ? 'parents.finder.narrow' : where ? 'parents.finder.narrowWhere' : 'parents.finder.narrowWhen';
  });
  protected readonly cards = computed(() => {
    const state = this.state();
    if (state.status !== 'loaded') return [];
    return finderCards(state.sessions, state.groups, this.filter(), this.locale(), this.choice()?.audiences ?? []);
  });

  /** "2 groepen gevonden", for screen readers when the list arrives or changes. */
  protected readonly foundKey = computed(() => pluralKey('parents.finder.found', this.cards().length, this.locale()));

  constructor() {
    this.store.watch(this.choice);
  }

  protected choosePlace(place: string): void {
    this.narrow({ plaats: place || null });
  }

  protected chooseDay(day: string): void {
    this.narrow({ dag: day || null });
  }

  protected clearFilter(): void {
    this.narrow({ plaats: null, dag: null });
  }

  protected retry(): void {
    this.store.retry();
  }

  private narrow(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
