import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import type { SessionView } from '@kring/domain';
import { pickLocalized } from '@kring/domain';
import { LanguageService } from '../../core/i18n/language.service';
import { FacilitatorsApi } from '../data-access/facilitators.api';
import { GroupPlansApi } from '../data-access/group-plans.api';
import { LocationsApi } from '../data-access/locations.api';
import { SessionsApi } from '../data-access/sessions.api';
import { findClashes } from '../shared/clashes';
import type { Day } from '../shared/planning-dates';
import { addDays, dayOf, daysBetween, monthGrid, periodOf, weekStart } from '../shared/planning-dates';

export type CalendarView = 'month' | 'week';

/** How far an empty week or month looks ahead for the next session. */
export const NEXT_SESSION_WEEKS = 26;

/** What the calendar shows: a month or a week around a day, perhaps for one place, group or person. */
export interface CalendarQuery {
  view: CalendarView;
  date: Day;
  locationId: string | null;
  groupId: string | null;
  facilitatorId: string | null;
}

/** The planning calendar: the sessions of the period on screen, by day, with double bookings found. Provided by the page. */
@Injectable()
export class PlanningCalendarStore {
  private readonly sessionsApi = inject(SessionsApi);
  private readonly locationsApi = inject(LocationsApi);
  private readonly groupsApi = inject(GroupPlansApi);
  private readonly facilitatorsApi = inject(FacilitatorsApi);
  private readonly locale = inject(LanguageService).locale;
  private readonly shown = signal<CalendarQuery | null>(null);

  readonly query = this.shown.asReadonly();
  /** Every day on screen: whole weeks around the month, or Monday to Sunday. */
  readonly days = computed<Day[]>(() => {
    const query = this.shown();
    if (!query) return [];
    if (query.view === 'month') return monthGrid(query.date);
    const monday = weekStart(query.date);
    return daysBetween(monday, addDays(monday, 7));
  });
  readonly sessions = rxResource({
    params: () => {
      const query = this.shown();
      const days = this.days();
      if (!query || days.length === 0) return undefined;
      return {
        ...periodOf(days[0], addDays(days[days.length - 1], 1)),
        locationId: query.locationId ?? undefined,
        groupId: query.groupId ?? undefined,
        facilitatorId: query.facilitatorId ?? undefined,
        locale: this.locale(),
      };
    },
    stream: ({ params }) => this.sessionsApi.list(params),
  });
  private readonly list = computed(() => (this.sessions.hasValue() ? this.sessions.value() : []));
  readonly byDay = computed(() => {
    const days = new Map<Day, SessionView[]>();
    for (const session of [...this.list()].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const day = dayOf(session.startsAt);
      days.set(day, [...(days.get(day) ?? []), session]);
    }
    return days as ReadonlyMap<Day, SessionView[]>;
  });
  readonly clashes = computed(() => findClashes(this.list()));
  /** Nothing on screen: the first session after it (same filters, up to `NEXT_SESSION_WEEKS` ahead), to offer a way there. */
  readonly nextSession = rxResource({
    params: () => {
      const query = this.shown();
      const days = this.days();
      // Only once the period on screen has answered (not with the previous period's list while the next loads).
      if (!query || days.length === 0 || this.sessions.status() !== 'resolved' || this.list().length > 0) return undefined;
      const after = addDays(days[days.length - 1], 1);
      return {
        ...periodOf(after, addDays(after, 7 * NEXT_SESSION_WEEKS)),
        locationId: query.locationId ?? undefined,
        groupId: query.groupId ?? undefined,
        facilitatorId: query.facilitatorId ?? undefined,
        locale: this.locale(),
      };
    },
    stream: ({ params }) =>
      this.sessionsApi
        .list(params)
        .pipe(
          map(
            (sessions) => [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).find((s) => s.status !== 'cancelled') ?? null,
          ),
        ),
  });

  readonly locations = rxResource({ stream: () => this.locationsApi.list() });
  private readonly groupPlans = rxResource({ stream: () => this.groupsApi.list() });
  readonly facilitators = rxResource({ stream: () => this.facilitatorsApi.list() });
  /** Groups by their title in the page language, for the filter. */
  readonly groups = computed(() =>
    (this.groupPlans.hasValue() ? this.groupPlans.value() : [])
      .map((g) => ({ id: g.id, title: pickLocalized(g.title, this.locale()).text }))
      .sort((a, b) => a.title.localeCompare(b.title)),
  );

  show(query: CalendarQuery): void {
    const current = this.shown();
    if (current && (Object.keys(query) as (keyof CalendarQuery)[]).every((key) => current[key] === query[key])) return;
    this.shown.set(query);
  }

  reload(): void {
    this.sessions.reload();
  }
}
