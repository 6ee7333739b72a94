/** Lengths of time in milliseconds, for clock arithmetic on `Date` (calendar days in Brussels time go through luxon). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
