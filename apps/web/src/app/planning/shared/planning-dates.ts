import { InjectionToken } from '@angular/core';
import { brusselsDayStart, brusselsWallClock, intlLocale, nextDay } from '../../core/i18n/date-time';

/**
 * Calendar days in Brussels as `YYYY-MM-DD` strings: a day is a day there, whatever the device's
 * time zone, and string days are easy to compare, sort and put in an address.
 */
export type Day = string;

/** What "now" is for the planning pages (a fixed moment in tests). */
export const PLANNING_NOW = new InjectionToken<() => Date>('PLANNING_NOW', {
  providedIn: 'root',
  factory: () => () => new Date(),
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const [year, month, date] = value.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date;
}

/** The Brussels calendar day of a moment. */
export function dayOf(moment: Date | string): Day {
  const { year, month, day } = brusselsWallClock(typeof moment === 'string' ? new Date(moment) : moment);
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function addDays(day: Day, count: number): Day {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + count)).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday (weeks start on Monday in Belgium). */
export function weekdayOf(day: Day): number {
  const [year, month, date] = day.split('-').map(Number);
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}

/** The Monday of the week of this day. */
export function weekStart(day: Day): Day {
  return addDays(day, -weekdayOf(day));
}

export function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `count` months away. */
export function addMonths(day: Day, count: number): Day {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + count, 1)).toISOString().slice(0, 10);
}

/** Whole weeks (Monday to Sunday) that cover the month of this day: 28 to 42 days. */
export function monthGrid(day: Day): Day[] {
  const first = weekStart(monthStart(day));
  const last = addDays(addMonths(day, 1), -1);
  const days: Day[] = [];
  for (let d = first; d <= last || weekdayOf(d) !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The days from `from` up to (not including) `to`. */
export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let d = from; d < to; d = nextDay(d)) days.push(d);
  return days;
}

/** The instants the API asks for: from the start of `from` to the start of `to`, Brussels time. */
export function periodOf(from: Day, to: Day): { from: string; to: string } {
  return { from: brusselsDayStart(from), to: brusselsDayStart(to) };
}

/** A moment on this day, for formatting it (midday: the same day in Brussels all year). */
export function middayOf(day: Day): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date, 11));
}

/** `HH:mm` on the Brussels clock. */
export function clockOf(moment: Date | string): string {
  const { hour, minute } = brusselsWallClock(typeof moment === 'string' ? new Date(moment) : moment);
  return `${pad(hour)}:${pad(minute)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Weekday names in a language, Monday first: `long` "dinsdag", `short` "di". */
export function weekdayNames(locale: string, style: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: style, timeZone: 'UTC' });
  // 4 January 2021 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2021, 0, 4 + i))));
}

/** "december 2026", in the page language. */
export function monthName(day: Day, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(middayOf(day));
}
