import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  FieldErrorCode,
  monthsOf,
  pickLocalized,
  reachPeriodProblems,
  REACH_MAX_MONTHS,
  REACH_MEASURES,
  suppressReach,
  type FieldError,
  type Locale,
  type ReachCounts,
  type ReachFilters,
  type ReachRaw,
  type ReachRawRow,
  type ReachReport,
} from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ReportsRepository, type FamiliesRow, type ReachScope, type SessionsRow } from './reports.repository';
import { totalLabel } from './reach-csv';

const LEVEL = { month: 3, location: 5, group: 6, total: 7 } as const;

/** The funder report: counted from the summary tables, then suppressed (libs/domain reports.ts) before it leaves. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  async reach(filters: ReachFilters, locale: Locale): Promise<ReachReport> {
    assertPeriod(filters);
    const scope: ReachScope = {
      fromMonth: `${filters.from}-01`,
      toMonth: `${filters.to}-01`,
      locationId: filters.locationId ?? null,
      groupId: filters.groupId ?? null,
      kind: filters.kind ?? null,
    };
    // The two counts are independent: on a server they run side by side, on two connections.
    const [families, sessions] = await Promise.all([this.repo.families(scope), this.repo.sessions(scope, this.clock.now())]);
    const ids = (level: number, key: 'location_id' | 'group_id') => [
      ...new Set([...families, ...sessions].filter(isLevel(level)).map((r) => r[key] as string)),
    ];
    const [places, groups] = await Promise.all([
      this.repo.locationNames(ids(LEVEL.location, 'location_id')),
      this.repo.groupTitles(ids(LEVEL.group, 'group_id')),
    ]);
    const raw: ReachRaw = {
      scoped: Boolean(filters.locationId || filters.groupId || filters.kind),
      total: countsOf(families.find(isLevel(LEVEL.total)), sessions.find(isLevel(LEVEL.total)), false),
      byMonth: monthsOf(filters.from, filters.to).map((month) => ({
        key: month,
        label: month,
        counts: countsOf(
          families.find((r) => r.level === LEVEL.month && r.month === month),
          sessions.find((r) => r.level === LEVEL.month && r.month === month),
          true,
        ),
      })),
      byLocation: rowsOf(families, sessions, LEVEL.location, 'location_id', new Map(places.map((p) => [p.id, p.name]))),
      byGroup: rowsOf(families, sessions, LEVEL.group, 'group_id', new Map(groups.map((g) => [g.id, pickLocalized(g.title, locale).text]))),
    };
    return suppressReach(raw, filters, totalLabel(locale));
  }
}

function assertPeriod(filters: ReachFilters): void {
  const problems = reachPeriodProblems(filters.from, filters.to);
  const fields: FieldError[] = [];
  if (problems.from) fields.push({ field: 'from', code: FieldErrorCode.Invalid, message: `'from' must be a month like 2026-01.` });
  if (problems.to === 'month') fields.push({ field: 'to', code: FieldErrorCode.Invalid, message: `'to' must be a month like 2026-12.` });
  if (problems.to === 'order') fields.push({ field: 'to', code: FieldErrorCode.OutOfRange, message: `'to' must not come before 'from'.` });
  if (problems.to === 'too_long')
    fields.push({ field: 'to', code: FieldErrorCode.OutOfRange, message: `A report covers at most ${REACH_MAX_MONTHS} months.` });
  if (fields.length) throw new DomainError(ErrorCode.ValidationFailed, 'The period needs another look.', fields);
}

const isLevel =
  (level: number) =>
  (r: { level: number }): boolean =>
    r.level === level;

function rowsOf(
  families: FamiliesRow[],
  sessions: SessionsRow[],
  level: number,
  key: 'location_id' | 'group_id',
  names: Map<string, string>,
): ReachRawRow[] {
  const ids = [...new Set([...families, ...sessions].filter(isLevel(level)).map((r) => r[key] as string))];
  return ids
    .map((id) => ({
      key: id,
      label: names.get(id) ?? '',
      counts: countsOf(
        families.find((r) => r.level === level && r[key] === id),
        sessions.find((r) => r.level === level && r[key] === id),
        false,
      ),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl') || a.key.localeCompare(b.key));
}

/** One row's counts; a month row's new families are those first seen that month, any other row's in the period. */
function countsOf(f: FamiliesRow | undefined, s: SessionsRow | undefined, monthRow: boolean): ReachCounts<number> {
  const families = f?.families ?? 0;
  const newFamilies = (monthRow ? f?.new_in_month : f?.new_in_period) ?? 0;
  const counts: ReachCounts<number> = {
    families,
    newFamilies,
    returningFamilies: families - newFamilies,
    first1000Families: f?.first_1000 ?? 0,
    sessionsHeld: s?.sessions_held ?? 0,
    present: s?.present ?? 0,
    marked: s?.marked ?? 0,
    adults: s?.adults ?? 0,
    childrenPregnancy: s?.children_pregnancy ?? 0,
    children0To1: s?.children_0_1 ?? 0,
    children1To3: s?.children_1_3 ?? 0,
    children3To6: s?.children_3_6 ?? 0,
    children6Plus: s?.children_6_plus ?? 0,
    firstVisits: s?.first_visit ?? 0,
  };
  // Tallies can be taken back below zero by a mistaken tap elsewhere; a report never shows a negative count.
  for (const m of REACH_MEASURES) counts[m] = Math.max(0, counts[m]);
  return counts;
}
