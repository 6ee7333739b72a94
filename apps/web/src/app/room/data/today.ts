import { brusselsDayStart, brusselsWallClock, nextDay } from '../../core/i18n/date-time';

/** Today in Brussels, `YYYY-MM-DD`. */
export function brusselsToday(now = new Date()): string {
  const { year, month, day } = brusselsWallClock(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** From the start of a Brussels day to the start of the next one, as ISO instants for the API. */
export function dayRange(day: string): { from: string; to: string } {
  return { from: brusselsDayStart(day), to: brusselsDayStart(nextDay(day)) };
}
