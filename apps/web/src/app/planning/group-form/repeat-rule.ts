import type { Day } from '../shared/planning-dates';
import { weekdayOf } from '../shared/planning-dates';

/** How often a group meets, as the form asks it (never as an RRULE people have to type). */
export type RepeatPattern = 'once' | 'weekly' | 'monthlyWeekday' | 'monthlyDate';
export const REPEAT_PATTERNS: readonly RepeatPattern[] = ['once', 'weekly', 'monthlyWeekday', 'monthlyDate'];

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Which one of the month: the first … fourth, or the last (-1). */
export type Ordinal = 1 | 2 | 3 | 4 | -1;
export const ORDINALS: readonly Ordinal[] = [1, 2, 3, 4, -1];

export type RepeatEnd = 'until' | 'count';

export interface RepeatSettings {
  pattern: RepeatPattern;
  /** Every `interval` weeks or months. */
  interval: number;
  /** `weekly`: on these days. */
  weekdays: Weekday[];
  /** `monthlyWeekday`: the `ordinal` `weekday` of the month ("the 2nd Thursday"). */
  ordinal: Ordinal;
  weekday: Weekday;
  end: RepeatEnd;
  /** The last day a meeting may fall on (inclusive), `YYYY-MM-DD`. */
  until: Day | '';
  count: number | null;
}

export const MAX_INTERVAL = 12;
export const MAX_COUNT = 200;

export function weekdayCode(day: Day): Weekday {
  return WEEKDAYS[weekdayOf(day)];
}

/** Which of its kind this day is in its month: 8 December 2026 is the 2nd Tuesday; the 29th the last. */
export function ordinalOf(day: Day): Ordinal {
  const date = Number(day.slice(8, 10));
  const nth = Math.ceil(date / 7);
  return nth >= 5 ? -1 : (nth as Ordinal);
}

/** What the form shows for a new group meeting first on `firstDay`: every week on that day, ten times. */
export function defaultRepeat(firstDay: Day | ''): RepeatSettings {
  const weekday = firstDay ? weekdayCode(firstDay) : 'MO';
  return {
    pattern: 'weekly',
    interval: 1,
    weekdays: firstDay ? [weekday] : [],
    ordinal: firstDay ? ordinalOf(firstDay) : 1,
    weekday,
    end: 'count',
    until: '',
    count: 10,
  };
}

/** The RRULE body for these settings (null: one meeting). */
export function toRule(settings: RepeatSettings, firstDay: Day): string | null {
  const parts: string[] = [];
  switch (settings.pattern) {
    case 'once':
      return null;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => settings.weekdays.includes(d));
      parts.push('FREQ=WEEKLY', ...interval(settings), `BYDAY=${(days.length ? days : [weekdayCode(firstDay)]).join(',')}`);
      break;
    }
    case 'monthlyWeekday':
      parts.push('FREQ=MONTHLY', ...interval(settings), `BYDAY=${settings.ordinal}${settings.weekday}`);
      break;
    case 'monthlyDate':
      parts.push('FREQ=MONTHLY', ...interval(settings), `BYMONTHDAY=${Number(firstDay.slice(8, 10))}`);
      break;
  }
  if (settings.end === 'until') parts.push(`UNTIL=${settings.until.replace(/-/g, '')}`);
  else parts.push(`COUNT=${settings.count ?? ''}`);
  return parts.join(';');
}

/**
 * The settings that give this rule, or null when the friendly form cannot say it (a rule made
 * elsewhere): the form then keeps the rule as it is, unless someone chooses a new pattern.
 */
export function fromRule(rule: string | null, firstDay: Day): RepeatSettings | null {
  const base = defaultRepeat(firstDay);
  if (rule === null) return { ...base, pattern: 'once' };
  const parts = new Map<string, string>();
  for (const part of rule.replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = part.split('=');
    if (!key || !value || parts.has(key.toUpperCase())) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'COUNT', 'WKST']);
  if ([...parts.keys()].some((key) => !known.has(key))) return null;
  const settings: RepeatSettings = { ...base, interval: Number(parts.get('INTERVAL') ?? 1) };
  if (!Number.isInteger(settings.interval) || settings.interval < 1 || settings.interval > MAX_INTERVAL) return null;

  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  if (parts.get('FREQ') === 'WEEKLY' && !byMonthDay) {
    const days = byDay ? byDay.split(',') : [weekdayCode(firstDay)];
    if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return null;
    Object.assign(settings, { pattern: 'weekly', weekdays: days });
  } else if (parts.get('FREQ') === 'MONTHLY' && byDay && !byMonthDay) {
    const match = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
    if (!match) return null;
    Object.assign(settings, { pattern: 'monthlyWeekday', ordinal: Number(match[1]) as Ordinal, weekday: match[2] as Weekday });
  } else if (parts.get('FREQ') === 'MONTHLY' && byMonthDay && !byDay && Number(byMonthDay) === Number(firstDay.slice(8, 10))) {
    settings.pattern = 'monthlyDate';
  } else {
    return null;
  }

  const until = parts.get('UNTIL');
  const count = parts.get('COUNT');
  if (until && !count) {
    const match = /^(\d{4})(\d{2})(\d{2})/.exec(until);
    if (!match) return null;
    return { ...settings, end: 'until', until: `${match[1]}-${match[2]}-${match[3]}`, count: base.count };
  }
  if (count && !until && /^\d+$/.test(count)) return { ...settings, end: 'count', count: Number(count) };
  return null;
}

function interval(settings: RepeatSettings): string[] {
  return settings.interval > 1 ? [`INTERVAL=${settings.interval}`] : [];
}
