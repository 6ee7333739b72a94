import { BRUSSELS_TIME_ZONE, brusselsWallClock, clockTime, intlLocale } from '../../core/i18n/date-time';

/** A text to show: a translation key and its parameters. */
export interface Phrase {
  key: string;
  params?: Record<string, string>;
}

const DAY_MS = 86_400_000;

/** The Brussels calendar day of a moment, as a day number (for "today", "tomorrow"). */
function brusselsDayNumber(date: Date): number {
  const { year, month, day } = brusselsWallClock(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * Intl options for the page language. Arabic keeps Western digits, as on Belgian letters,
 * SMS codes and phone numbers, so a date never mixes two kinds of digits.
 */
function intlFor(locale: string): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : intlLocale(locale);
}

/** "donderdag", in the page language and Brussels time. */
export function weekdayName(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(intlFor(locale), { timeZone: BRUSSELS_TIME_ZONE, weekday: 'long' }).format(date);
}

/** "3 december" (with the year when it is not this year's). */
export function dayAndMonth(date: Date, locale: string, now = new Date()): string {
  const otherYear = brusselsWallClock(date).year !== brusselsWallClock(now).year;
  return new Intl.DateTimeFormat(intlFor(locale), {
    timeZone: BRUSSELS_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: otherYear ? 'numeric' : undefined,
  }).format(date);
}

/** The name of a month (1–12) in the page language: "januari". */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(intlFor(locale), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday) in the page language. */
export function isoWeekdayName(isoWeekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlFor(locale), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a moment in Brussels. */
export function brusselsIsoWeekday(date: Date): number {
  const weekday = new Date(brusselsDayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The day as people say it: "vandaag", "morgen", "volgende donderdag 3 december" (within a week),
 * else "donderdag 10 december".
 */
export function dayPhrase(date: Date, locale: string, now = new Date()): Phrase {
  const days = brusselsDayNumber(date) - brusselsDayNumber(now);
  if (days === 0) return { key: 'parents.when.today' };
  if (days === 1) return { key: 'parents.when.tomorrow' };
  const params = { weekday: weekdayName(date, locale), dayMonth: dayAndMonth(date, locale, now) };
  return { key: days > 1 && days < 7 ? 'parents.when.next' : 'parents.when.date', params };
}

/** A clock time as a phrase: "9.30" or, on the hour, "9" (the range adds "uur"). */
export function clockPhrase(date: Date): Phrase {
  const { hour, minute } = clockTime(date);
  return minute === '00'
    ? { key: 'parents.when.clockOnTheHour', params: { hour } }
    : { key: 'parents.when.clock', params: { hour, minute } };
}

/** First letter up, for a phrase that starts a line ("Morgen, 9.30 tot 11 uur"). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleUpperCase() + text.slice(1);
}
