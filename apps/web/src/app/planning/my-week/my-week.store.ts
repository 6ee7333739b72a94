import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { LanguageService } from '../../core/i18n/language.service';
import { SessionsApi } from '../data-access/sessions.api';
import { PLANNING_NOW, addDays, dayOf, periodOf, weekStart } from '../shared/planning-dates';
import { arrangeWeek } from './my-week';

/** "Mijn week": the sessions I lead this week and next, today first. Provided by the page. */
@Injectable()
export class MyWeekStore {
  private readonly api = inject(SessionsApi);
  private readonly locale = inject(LanguageService).locale;
  private readonly now = inject(PLANNING_NOW);
  private readonly todayDay = signal(dayOf(this.now()));

  readonly today = this.todayDay.asReadonly();
  /** From Monday of this week up to (not including) Monday in two weeks. */
  readonly period = computed(() => {
    const monday = weekStart(this.todayDay());
    return { from: monday, to: addDays(monday, 14) };
  });
  readonly sessions = rxResource({
    params: () => ({ ...periodOf(this.period().from, this.period().to), locale: this.locale() }),
    stream: ({ params }) => this.api.mine(params.from, params.to, params.locale),
  });
  readonly agenda = computed(() => (this.sessions.hasValue() ? arrangeWeek(this.sessions.value(), this.todayDay()) : null));

  /** Looks again (and notices when the day has changed since the page opened). */
  reload(): void {
    const today = dayOf(this.now());
    if (today !== this.todayDay()) this.todayDay.set(today);
    else this.sessions.reload();
  }
}
