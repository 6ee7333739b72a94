import type { GroupKind } from './groups';
import { shownCounts, suppressCells, type ReportCount, type SumConstraint } from './reports-suppression';

export * from './reports-suppression';

/**
 * The funder report "Bereik": how many families the centre reached, when, where and in which groups.
 * Counts only, never a person; every count goes through small-cell suppression (reports-suppression.ts).
 */

/** A month as `YYYY-MM` (Europe/Brussels calendar). */
export type ReportMonth = string;

export interface ReachFilters {
  /** First month of the period, `YYYY-MM`. */
  from: ReportMonth;
  /** Last month of the period (included), `YYYY-MM`. */
  to: ReportMonth;
  locationId?: string;
  groupId?: string;
  kind?: GroupKind;
}

/** A report covers at most this many months. */
export const REACH_MAX_MONTHS = 60;

/**
 * What each row counts. Families are distinct within the row: `families = newFamilies + returningFamilies`.
 * New: first seen at the centre in the row's month (month rows) or in the period (all other rows).
 * `present` and `marked` are marks in groups that take registrations (attendance rate = present / marked);
 * the drop-in counts are the tallies at drop-ins (anonymous by design).
 */
export const REACH_MEASURES = [
  'families',
  'newFamilies',
  'returningFamilies',
  'first1000Families',
  'sessionsHeld',
  'present',
  'marked',
  'adults',
  'childrenPregnancy',
  'children0To1',
  'children1To3',
  'children3To6',
  'children6Plus',
  'firstVisits',
] as const;
export type ReachMeasure = (typeof REACH_MEASURES)[number];
export type ReachCounts<T> = Record<ReachMeasure, T>;

/** Counts that add up over months, places and groups (the total row is their sum). */
const ADDITIVE: readonly ReachMeasure[] = [
  'sessionsHeld',
  'present',
  'marked',
  'adults',
  'childrenPregnancy',
  'children0To1',
  'children1To3',
  'children3To6',
  'children6Plus',
  'firstVisits',
];

/**
 * Meetings held are not people: they are shown as they are. Every other count is suppressed.
 */
const NOT_SUPPRESSED: readonly ReachMeasure[] = ['sessionsHeld'];

export interface ReachRawRow {
  key: string;
  label: string;
  counts: ReachCounts<number>;
}

/** The numbers as counted, before suppression (they never leave the API like this). */
export interface ReachRaw {
  total: ReachCounts<number>;
  byMonth: ReachRawRow[];
  byLocation: ReachRawRow[];
  byGroup: ReachRawRow[];
  /** Filtered to a place, group or kind: the month rows' new families then need not add up to the total. */
  scoped: boolean;
}

export interface ReachRow {
  /** `total`, a month `YYYY-MM`, a location id or a group id. */
  key: string;
  label: string;
  counts: ReachCounts<ReportCount>;
  /** Percentage present of the marks, rounded; null when there were no marks or a count behind it is suppressed. */
  attendanceRate: number | null;
}

export interface ReachReport {
  filters: ReachFilters;
  total: ReachRow;
  byMonth: ReachRow[];
  byLocation: ReachRow[];
  byGroup: ReachRow[];
}

/** The report as shown: every count suppressed where small, with complementary suppression across all four tables. */
export function suppressReach(raw: ReachRaw, filters: ReachFilters, totalLabel = ''): ReachReport {
  const values: number[] = [];
  const rows: Array<{ key: string; label: string; cells: ReachCounts<number> }> = [];
  const add = (key: string, label: string, counts: ReachCounts<number>) => {
    const cells = {} as ReachCounts<number>;
    for (const m of REACH_MEASURES) {
      cells[m] = values.length;
      values.push(counts[m]);
    }
    rows.push({ key, label, cells });
    return cells;
  };
  const total = add('total', totalLabel, raw.total);
  const sections = [raw.byMonth, raw.byLocation, raw.byGroup].map((section) => section.map((r) => add(r.key, r.label, r.counts)));

  const constraints: SumConstraint[] = [];
  for (const { cells } of rows) constraints.push({ total: cells.families, parts: [cells.newFamilies, cells.returningFamilies] });
  sections.forEach((section, s) => {
    if (section.length === 0) return;
    const additive = s === 0 && !raw.scoped ? [...ADDITIVE, 'newFamilies' as const] : ADDITIVE;
    for (const m of additive) constraints.push({ total: total[m], parts: section.map((cells) => cells[m]) });
  });

  // Counts that are not about people are taken out of the table before suppression (shown as they are).
  const exempt = new Set(rows.flatMap(({ cells }) => NOT_SUPPRESSED.map((m) => cells[m])));
  const states = suppressCells(
    values.map((v, i) => (exempt.has(i) ? 0 : v)),
    constraints.filter((c) => !exempt.has(c.total)),
  );
  const shown = shownCounts(values, states);

  const toRow = ({ key, label, cells }: (typeof rows)[number]): ReachRow => {
    const counts = {} as ReachCounts<ReportCount>;
    for (const m of REACH_MEASURES) counts[m] = shown[cells[m]];
    return { key, label, counts, attendanceRate: attendanceRate(counts.present, counts.marked) };
  };
  const [month, location, group] = [1, 1 + raw.byMonth.length, 1 + raw.byMonth.length + raw.byLocation.length];
  return {
    filters,
    total: toRow(rows[0]),
    byMonth: rows.slice(month, location).map(toRow),
    byLocation: rows.slice(location, group).map(toRow),
    byGroup: rows.slice(group).map(toRow),
  };
}

/** Present as a whole percentage of the marks; null when there is nothing to divide or a count is suppressed. */
export function attendanceRate(present: ReportCount, marked: ReportCount): number | null {
  if (typeof present !== 'number' || typeof marked !== 'number' || marked === 0) return null;
  return Math.round((present / marked) * 100);
}

// ---------------------------------------------------------------------------------------------
// The first 1000 days

/**
 * A family is reached in its first 1000 days when, in the month of the visit, one of its children is
 * between conception and the second birthday. Children are kept by month only (birth month, or the
 * expected month in pregnancy), so the rule works in whole months: from 9 months before that month
 * (pregnancy) up to and including 23 months after it (the second birthday falls in month 24, perhaps
 * early in it: that month no longer counts). 9 + 24 months ≈ 1004 days.
 */
export const FIRST_1000_DAYS = { monthsBefore: 9, monthsAfter: 23 } as const;

/** Is a child of `childMonth` (YYYY-MM) in its first 1000 days during a visit in `visitMonth` (YYYY-MM)? */
export function inFirstThousandDays(childMonth: ReportMonth, visitMonth: ReportMonth): boolean {
  const offset = monthsBetween(childMonth, visitMonth);
  return offset >= -FIRST_1000_DAYS.monthsBefore && offset <= FIRST_1000_DAYS.monthsAfter;
}

// ---------------------------------------------------------------------------------------------
// Months

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: unknown): value is ReportMonth {
  return typeof value === 'string' && MONTH.test(value);
}

/** `to` minus `from`, in months (both YYYY-MM). */
export function monthsBetween(from: ReportMonth, to: ReportMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included. */
export function monthsOf(from: ReportMonth, to: ReportMonth): ReportMonth[] {
  const out: ReportMonth[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** The Brussels calendar month of an instant. */
export function brusselsMonth(at: Date): ReportMonth {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** What is wrong with a period, as field → problem (empty when fine). */
export function reachPeriodProblems(from: unknown, to: unknown): Partial<Record<'from' | 'to', 'month' | 'order' | 'too_long'>> {
  const problems: Partial<Record<'from' | 'to', 'month' | 'order' | 'too_long'>> = {};
  if (!isReportMonth(from)) problems.from = 'month';
  if (!isReportMonth(to)) problems.to = 'month';
  if (problems.from || problems.to) return problems;
  const span = monthsBetween(from as string, to as string);
  if (span < 0) problems.to = 'order';
  else if (span >= REACH_MAX_MONTHS) problems.to = 'too_long';
  return problems;
}

function monthIndex(month: ReportMonth): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}
