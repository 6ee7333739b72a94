import type { SessionView } from '@kring/domain';
import type { Day } from '../shared/planning-dates';
import { addDays, dayOf } from '../shared/planning-dates';

export interface DaySessions {
  day: Day;
  /** "Vandaag", "Morgen", or just the date. */
  relative: 'today' | 'tomorrow' | null;
  sessions: SessionView[];
}

export interface WeekAgenda {
  today: DaySessions;
  /** The days after today that have sessions, in order. */
  upcoming: DaySessions[];
  /** Days earlier this week that had sessions, most recent first. */
  earlier: DaySessions[];
  total: number;
}

/**
 * My sessions arranged the way a group worker's day starts: today first (even when there is
 * nothing today), then what comes, then what already happened this week.
 */
export function arrangeWeek(sessions: readonly SessionView[], today: Day): WeekAgenda {
  const byDay = new Map<Day, SessionView[]>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = dayOf(session.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  const tomorrow = addDays(today, 1);
  const entry = (day: Day): DaySessions => ({
    day,
    relative: day === today ? 'today' : day === tomorrow ? 'tomorrow' : null,
    sessions: byDay.get(day) ?? [],
  });
  const days = [...byDay.keys()].sort();
  return {
    today: entry(today),
    upcoming: days.filter((d) => d > today).map(entry),
    earlier: days
      .filter((d) => d < today)
      .reverse()
      .map(entry),
    total: sessions.length,
  };
}
