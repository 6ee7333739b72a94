import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  GROUP_KINDS,
  reachPeriodProblems,
  REACH_MAX_MONTHS,
  type GroupKind,
  type ReachFilters,
  type ReachMeasure,
  type ReachRow,
} from '@kring/domain';
import { of } from 'rxjs';
import { catchError, debounceTime } from 'rxjs/operators';
import { LanguageService } from '../../core/i18n/language.service';
import { LocationsApi } from '../../planning/data-access/locations.api';
import { LoadError } from '../../shared/load-error/load-error';
import { ReportsApi } from '../data/reports.api';
import { lastTwelveMonths, monthLabel } from '../data/report-format';
import { ReachChart, type ReachColumn, type ReachSeries } from '../reach-chart/reach-chart';

const TABLE_MEASURES: ReadonlyArray<ReachMeasure | 'attendanceRate'> = [
  'families',
  'newFamilies',
  'returningFamilies',
  'first1000Families',
  'sessionsHeld',
  'present',
  'marked',
  'attendanceRate',
  'adults',
  'childrenPregnancy',
  'children0To1',
  'children1To3',
  'children3To6',
  'children6Plus',
  'firstVisits',
];

/** The key figures above the charts, in this order. */
const HEADLINES: ReadonlyArray<ReachMeasure | 'attendanceRate'> = [
  'families',
  'newFamilies',
  'returningFamilies',
  'first1000Families',
  'sessionsHeld',
  'attendanceRate',
  'adults',
  'firstVisits',
];

/**
 * "Bereik": the funder report for coordinators. Filters (period, place, group, kind), the key figures,
 * charts by month, place and group (each also as a table), and the same numbers as CSV. Counts only;
 * the API has already suppressed small ones ("< 5", and "x" where one could be worked out).
 */
@Component({
  selector: 'kr-reach-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReachChart,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './reach-page.html',
  styleUrl: './reach-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReachPage {
  private readonly api = inject(ReportsApi);
  private readonly translate = inject(TranslateService);
  private readonly locale = inject(LanguageService).locale;

  protected readonly kinds = GROUP_KINDS;
  protected readonly maxMonths = REACH_MAX_MONTHS;
  protected readonly filters = inject(NonNullableFormBuilder).group({
    ...lastTwelveMonths(new Date()),
    locationId: [''],
    groupId: [''],
    kind: ['' as GroupKind | ''],
  });
  private readonly values = toSignal(this.filters.valueChanges.pipe(debounceTime(300)), { initialValue: this.filters.getRawValue() });

  protected readonly locations = toSignal(
    inject(LocationsApi)
      .list()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly groups = toSignal(this.api.groups().pipe(catchError(() => of([]))), { initialValue: [] });

  /** The filters to ask for, or null while the period is not one (the form says why). */
  protected readonly query = computed<ReachFilters | null>(() => {
    this.values();
    const v = this.filters.getRawValue();
    if (Object.keys(reachPeriodProblems(v.from, v.to)).length > 0) return null;
    return { from: v.from, to: v.to, locationId: v.locationId || undefined, groupId: v.groupId || undefined, kind: v.kind || undefined };
  });
  protected readonly periodProblem = computed(() => {
    this.values();
    const v = this.filters.getRawValue();
    const p = reachPeriodProblems(v.from, v.to);
    if (p.from || p.to === 'month') return 'reports.filters.problem.month';
    if (p.to === 'order') return 'reports.filters.problem.order';
    if (p.to === 'too_long') return 'reports.filters.problem.tooLong';
    return null;
  });

  protected readonly report = rxResource({ params: () => this.query() ?? undefined, stream: ({ params }) => this.api.reach(params) });
  protected readonly csvUrl = computed(() => {
    const q = this.query();
    return q ? this.api.csvUrl(q, this.locale()) : null;
  });

  /** Reading the language makes these follow it; `instant` then has its words. */
  private readonly words = computed(() => {
    this.locale();
    return (key: string) => this.translate.instant(key) as string;
  });

  protected readonly columns = computed<ReachColumn[]>(() =>
    TABLE_MEASURES.map((key) => ({ key, label: this.words()(`reports.measure.${key}`) })),
  );
  protected readonly headlines = computed(() => {
    if (!this.report.hasValue()) return [];
    const total = this.report.value().total;
    return HEADLINES.map((key) => ({
      key,
      value: key === 'attendanceRate' ? (total.attendanceRate === null ? '–' : `${total.attendanceRate}%`) : String(total.counts[key]),
    }));
  });

  protected readonly byMonth = computed(() =>
    this.rows(
      (r) => monthLabel(r.key, this.locale()),
      (v) => v.byMonth,
    ),
  );
  protected readonly byLocation = computed(() =>
    this.rows(
      (r) => r.label,
      (v) => v.byLocation,
    ),
  );
  protected readonly byGroup = computed(() =>
    this.rows(
      (r) => r.label,
      (v) => v.byGroup,
    ),
  );

  protected readonly monthSeries = computed<ReachSeries[]>(() => [
    { measure: 'newFamilies', label: this.words()('reports.measure.newFamilies'), kind: 'bar', stack: 'families' },
    { measure: 'returningFamilies', label: this.words()('reports.measure.returningFamilies'), kind: 'bar', stack: 'families' },
    { measure: 'first1000Families', label: this.words()('reports.measure.first1000Families'), kind: 'line' },
  ]);
  protected readonly familySeries = computed<ReachSeries[]>(() => [
    { measure: 'families', label: this.words()('reports.measure.families'), kind: 'bar' },
    { measure: 'first1000Families', label: this.words()('reports.measure.first1000Families'), kind: 'bar' },
  ]);

  private rows(
    label: (r: ReachRow) => string,
    pick: (v: { byMonth: ReachRow[]; byLocation: ReachRow[]; byGroup: ReachRow[] }) => ReachRow[],
  ) {
    if (!this.report.hasValue()) return [];
    return pick(this.report.value()).map((row) => ({ label: label(row), row }));
  }
}
