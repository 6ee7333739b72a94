import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionView } from '@kring/domain';
import { StaffRole } from '@kring/domain';
import { SessionStore } from '../../../core/auth/session.store';
import { intlLocale } from '../../../core/i18n/date-time';
import { DateTimePipe } from '../../../core/i18n/date-time.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { mediaMatches } from '../../../core/layout/breakpoints';
import { PLANNING_PATHS } from '../../planning-paths';
import type { Day } from '../../shared/planning-dates';
import { PLANNING_NOW, addDays, addMonths, dayOf, isDay, middayOf, monthName, weekStart } from '../../shared/planning-dates';
import { AgendaList } from '../agenda-list/agenda-list';
import type { CalendarFilter } from '../calendar-filters/calendar-filters';
import { CalendarFilters } from '../calendar-filters/calendar-filters';
import { MonthGrid } from '../month-grid/month-grid';
import type { CalendarQuery, CalendarView } from '../planning-calendar.store';
import { PlanningCalendarStore } from '../planning-calendar.store';
import { LoadError } from '../../../shared/load-error/load-error';

/** Wide enough for a month as a table; narrower screens get the month as a list of days. */
export const MONTH_TABLE_QUERY = '(min-width: 960px)';

/**
 * `/planning`: every session by month or week, filtered by place, group or person; cancelled and
 * hand-changed sessions marked, double bookings on screen highlighted. The view, day and filters
 * live in the address (`?view=week&date=2026-12-08&group=…`), so a view can be shared and the
 * back button works.
 */
@Component({
  selector: 'kr-planning-calendar-page',
  imports: [
    AgendaList,
    CalendarFilters,
    DateTimePipe,
    LoadError,
    MatButtonModule,
    MatButtonToggleModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    MonthGrid,
    RouterLink,
    TranslatePipe,
  ],
  providers: [PlanningCalendarStore],
  templateUrl: './planning-calendar-page.html',
  styleUrl: './planning-calendar-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanningCalendarPage {
  private readonly store = inject(PlanningCalendarStore);
  private readonly router = inject(Router);
  private readonly now = inject(PLANNING_NOW);
  private readonly staff = inject(SessionStore);

  readonly view = input<string>();
  readonly date = input<string>();
  readonly place = input<string>();
  readonly group = input<string>();
  readonly facilitator = input<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = PLANNING_PATHS;
  protected readonly wide = mediaMatches(MONTH_TABLE_QUERY);
  protected readonly canPlan = computed(() => this.staff.roles().includes(StaffRole.Coordinator));
  protected readonly today = dayOf(this.now());
  protected readonly query = computed<CalendarQuery>(() => ({
    view: this.view() === 'week' || this.view() === 'month' ? (this.view() as CalendarView) : this.wide() ? 'month' : 'week',
    date: isDay(this.date()) ? (this.date() as Day) : this.today,
    locationId: this.place() || null,
    groupId: this.group() || null,
    facilitatorId: this.facilitator() || null,
  }));
  protected readonly days = this.store.days;
  protected readonly sessions = this.store.sessions;
  protected readonly byDay = this.store.byDay;
  protected readonly clashes = this.store.clashes;
  protected readonly empty = computed(() => this.sessions.hasValue() && this.sessions.value().length === 0);
  protected readonly nextSession = computed(() => (this.store.nextSession.hasValue() ? this.store.nextSession.value() : null));
  protected readonly lookingAhead = this.store.nextSession.isLoading;
  protected readonly clashCount = computed(() => this.clashes().size);
  protected readonly places = computed(() =>
    (this.store.locations.hasValue() ? this.store.locations.value() : []).map((p) => ({ id: p.id, name: p.name })),
  );
  protected readonly groups = computed(() => this.store.groups().map((g) => ({ id: g.id, name: g.title })));
  protected readonly people = computed(() =>
    (this.store.facilitators.hasValue() ? this.store.facilitators.value() : []).map((f) => ({ id: f.id, name: f.displayName })),
  );
  protected readonly filter = computed<CalendarFilter>(() => {
    const { locationId, groupId, facilitatorId } = this.query();
    return { locationId, groupId, facilitatorId };
  });
  protected readonly activeFilters = computed(() => Object.values(this.filter()).filter(Boolean).length);
  protected readonly monthTitle = computed(() => monthName(this.query().date, this.locale()));
  protected readonly weekRange = computed(() => {
    const monday = weekStart(this.query().date);
    const format = new Intl.DateTimeFormat(intlLocale(this.locale()), { day: 'numeric', month: 'long', timeZone: 'UTC' });
    return { from: format.format(middayOf(monday)), to: format.format(middayOf(addDays(monday, 6))) };
  });

  constructor() {
    effect(() => this.store.show(this.query()));
  }

  protected showView(view: CalendarView): void {
    this.go({ view });
  }

  /** The previous (-1) or next (+1) month or week. */
  protected step(direction: -1 | 1): void {
    const { view, date } = this.query();
    this.go({ date: view === 'month' ? addMonths(date, direction) : addDays(weekStart(date), 7 * direction) });
  }

  /** To the week (or month) of the next session, from an empty one. */
  protected goTo(session: SessionView): void {
    this.go({ date: dayOf(session.startsAt) });
  }

  protected goToday(): void {
    this.go({ date: this.today });
  }

  protected filterChanged(filter: CalendarFilter): void {
    this.go({ place: filter.locationId, group: filter.groupId, facilitator: filter.facilitatorId });
  }

  protected retry(): void {
    this.store.reload();
  }

  private go(changes: Record<string, string | null>): void {
    const { view, date, locationId, groupId, facilitatorId } = this.query();
    const queryParams = { view, date, place: locationId, group: groupId, facilitator: facilitatorId, ...changes };
    void this.router.navigate([PLANNING_PATHS.calendar], { queryParams, replaceUrl: false });
  }
}
