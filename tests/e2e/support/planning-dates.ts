/**
 * Brussels calendar days for the planning journeys, computed the way people read them on screen
 * ("woensdag 9 december"), independent of the machine's time zone.
 */
export type Day = string;

const ZONE = 'Europe/Brussels';

export function todayInBrussels(now = new Date()): Day {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return parts; // en-CA formats as YYYY-MM-DD
}

export function addDays(day: Day, count: number): Day {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

/** Monday of the week of this day. */
export function weekStart(day: Day): Day {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** "woensdag 9 december" (with the year when it is not this year's), as Kring writes it. */
export function dutchDay(day: Day, now = new Date()): string {
  const [y, m, d] = day.split('-').map(Number);
  const thisYear = Number(todayInBrussels(now).slice(0, 4));
  return new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: y === thisYear ? undefined : 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** A month of birth `months` before this one ("YYYY-MM", Brussels), for a child whose age stays plausible on any date. */
export function monthOfBirth(months: number, now = new Date()): string {
  const [y, m] = todayInBrussels(now).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 7);
}
