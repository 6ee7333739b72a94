/** Kring happens in Flanders: times are shown and entered in Brussels time, whatever the device says. */
export const BRUSSELS_TIME_ZONE = 'Europe/Brussels';

/** The regional variant Intl should use for each language ("Monday 30 November", not "Monday, November 30"). */
const INTL_LOCALE: Readonly<Record<string, string>> = { nl: 'nl-BE', en: 'en-GB', fr: 'fr-BE', ar: 'ar' };

export function intlLocale(locale: string): string {
  return INTL_LOCALE[locale] ?? locale;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The date and time on a wall clock in Brussels at this moment. */
export function brusselsWallClock(date: Date): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: BRUSSELS_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/**
 * The day as people say it, in Brussels: "maandag 30 november" (the year only when it is not
 * this year's); `short`: "ma 30 nov.".
 */
export function formatDay(date: Date, locale: string, style: 'long' | 'short' = 'long', now = new Date()): string {
  const otherYear = brusselsWallClock(date).year !== brusselsWallClock(now).year;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: BRUSSELS_TIME_ZONE,
    weekday: style,
    day: 'numeric',
    month: style,
    year: otherYear ? 'numeric' : undefined,
  }).format(date);
}

/** Hour (no leading zero) and minutes of the Brussels clock, for a translated pattern like "{{hour}}.{{minute}} uur". */
export function clockTime(date: Date): { hour: string; minute: string } {
  const { hour, minute } = brusselsWallClock(date);
  return { hour: String(hour), minute: String(minute).padStart(2, '0') };
}

/** A wait in plain words: "30 seconden", "1 minuut", "2 minutes" (rounded up, never "0"). */
export function waitInWords(seconds: number, locale: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const [value, unit] =
    whole < 60 ? [whole, 'second'] : whole < 3600 ? [Math.ceil(whole / 60), 'minute'] : [Math.ceil(whole / 3600), 'hour'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The moment a day (`YYYY-MM-DD`) starts in Brussels, as an ISO instant for the API. */
export function brusselsDayStart(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, date);
  const clock = brusselsWallClock(new Date(asIfUtc));
  const offset = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - asIfUtc;
  return new Date(asIfUtc - offset).toISOString();
}

/** The day after `YYYY-MM-DD`, same format (for an "up to and including" filter). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
