import { brusselsWallClock } from '../../core/i18n/date-time';
import { pluralKey } from '../../parents/shared/plural';
import type { Phrase } from '../../parents/shared/when';
import { monthName } from '../../parents/shared/when';

/**
 * A child's age as a group worker says it, from the birth (or due) month `YYYY-MM`:
 * "pas geboren", "7 maanden", "2 jaar", "verwacht in maart". Months up to two years, then years.
 */
export function childAge(month: string, locale: string, now = new Date()): Phrase | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const today = brusselsWallClock(now);
  const months = today.year * 12 + (today.month - 1) - (Number(m[1]) * 12 + Number(m[2]) - 1);
  if (months < 0) return { key: 'registrations.age.expected', params: { month: monthName(Number(m[2]), locale) } };
  if (months === 0) return { key: 'registrations.age.newborn' };
  if (months < 24) return { key: pluralKey('registrations.age.months', months, locale), params: { count: String(months) } };
  const years = Math.floor(months / 12);
  return { key: pluralKey('registrations.age.years', years, locale), params: { count: String(years) } };
}

/** The phone number to dial (`tel:` wants no spaces). */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
