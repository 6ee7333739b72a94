import type { GroupKind } from '@kring/domain';
import { PLANNING_HORIZON_WEEKS } from '@kring/domain';
import { expandRecurrence, recurrenceProblems } from '@kring/domain/recurrence';
import type { Day } from '../shared/planning-dates';
import { addDays, dayOf } from '../shared/planning-dates';
import type { ScheduleValue } from './group-form.model';
import { minutesOf, recurrenceOf } from './group-form.model';

/** The most meetings the preview lists (a year of weekly meetings and then some). */
export const PREVIEW_LIMIT = 60;

export interface PreviewItem {
  day: Day;
  startsAt: string;
  endsAt: string;
  /** An exception date: the meeting does not happen. */
  skipped: boolean;
  /** Already over: it will not be planned. */
  past: boolean;
  /** Beyond the planning horizon: planned later, automatically. */
  later: boolean;
}

export type SchedulePreview =
  | { readonly state: 'incomplete'; readonly reason: 'date' | 'time' | 'rule' }
  | {
      readonly state: 'ready';
      readonly items: PreviewItem[];
      /** All meetings of the series (the list may show fewer). */
      readonly total: number;
      readonly skipped: number;
      /** Dates to skip on which there is no meeting (any more). */
      readonly stale: Day[];
    };

/**
 * The meetings a schedule gives, as the API will plan them (the same `expandRecurrence`), with
 * the skipped dates still in the list so they can be put back.
 */
export function previewSchedule(schedule: ScheduleValue, kind: GroupKind, now: Date): SchedulePreview {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(schedule.date)) return { state: 'incomplete', reason: 'date' };
  const start = minutesOf(schedule.startTime);
  const end = minutesOf(schedule.endTime);
  if (start === null || end === null || end <= start) return { state: 'incomplete', reason: 'time' };
  const recurrence = { ...recurrenceOf(schedule, kind), exceptionDates: [] };
  if (recurrenceProblems(recurrence).length > 0) return { state: 'incomplete', reason: 'rule' };

  const until = new Date(Date.UTC(Number(schedule.date.slice(0, 4)) + 5, 0, 1));
  const all = expandRecurrence(recurrence, until);
  const skip = new Set(recurrence.rule === null ? [] : schedule.exceptionDates);
  const horizon = addDays(dayOf(now), PLANNING_HORIZON_WEEKS * 7);
  const items = all.slice(0, PREVIEW_LIMIT).map((o) => ({
    day: o.localDate,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    skipped: skip.has(o.localDate),
    past: o.startsAt < now,
    later: o.localDate > horizon,
  }));
  const days = new Set(all.map((o) => o.localDate));
  return {
    state: 'ready',
    items,
    total: all.length,
    skipped: all.filter((o) => skip.has(o.localDate)).length,
    stale: [...skip].filter((day) => !days.has(day)).sort(),
  };
}
