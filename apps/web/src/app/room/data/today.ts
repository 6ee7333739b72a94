import { brusselsDayStart, brusselsWallClock, nextDay } from '../../core/i18n/date-time';

/** How far "Vandaag" looks ahead for the next session when there is none today. */
export const UPCOMING_DAYS = 56;

/** Today in Brussels, `YYYY-MM-DD`. */
export function brusselsToday(now = new Date()): string {
  const { year, month, day } = brusselsWallClock(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** From the start of a Brussels day to the start of the next one, as ISO instants for the API. */
export function dayRange(day: string): { from: string; to: string } {
  return { from: brusselsDayStart(day), to: brusselsDayStart(nextDay(day)) };
}

/** From the start of the day after `day` to `UPCOMING_DAYS` later: where "Vandaag" looks for the next session. */
export function upcomingRange(day: string): { from: string; to: string } {
  let last = nextDay(day);
  for (let i = 0; i < UPCOMING_DAYS; i++) last = nextDay(last);
  return { from: brusselsDayStart(nextDay(day)), to: brusselsDayStart(last) };
}
