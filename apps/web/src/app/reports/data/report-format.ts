import { HIDDEN_COUNT, SMALL_COUNT, type ReportCount, type ReportMonth } from '@kring/domain';
import { intlLocale } from '../../core/i18n/date-time';

/** A month as people read it, e.g. "mrt. 2026". */
export function monthLabel(month: ReportMonth, locale: string, style: 'short' | 'long' = 'short'): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: style, year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}

/** A count for a chart: suppressed counts are not drawn (a gap), never guessed. */
export function chartValue(count: ReportCount): number | null {
  return typeof count === 'number' ? count : null;
}

export function isSuppressed(count: ReportCount): boolean {
  return count === SMALL_COUNT || count === HIDDEN_COUNT;
}

/** The first and last month of the twelve up to `now`'s month. */
export function lastTwelveMonths(now: Date): { from: ReportMonth; to: ReportMonth } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const start = new Date(Date.UTC(year, month - 12, 1));
  const to = `${year}-${String(month).padStart(2, '0')}`;
  return { from: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`, to };
}
