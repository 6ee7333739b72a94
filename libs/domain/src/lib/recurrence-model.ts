/** Every session is planned in Belgian wall-clock time. */
export const PLANNING_ZONE = 'Europe/Brussels';
export const MAX_SESSION_MINUTES = 12 * 60;

/**
 * When a group meets: the first meeting in Brussels wall-clock time, how long it lasts, an
 * RFC 5545 RRULE (without DTSTART; null for a single meeting) and local dates to skip.
 */
export interface Recurrence {
  /** `YYYY-MM-DDTHH:mm`, Brussels wall-clock. */
  firstStart: string;
  durationMinutes: number;
  /** e.g. `FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630` or `FREQ=MONTHLY;BYDAY=1TH;COUNT=10` */
  rule: string | null;
  /** `YYYY-MM-DD` dates (Brussels) on which the meeting does not happen. */
  exceptionDates: string[];
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** The Brussels calendar date, `YYYY-MM-DD`. */
  localDate: string;
  /** The Brussels wall-clock start, `YYYY-MM-DDTHH:mm` (identifies the occurrence in its series). */
  localStart: string;
}

export const RecurrenceProblem = {
  InvalidStart: 'invalid_start',
  InvalidRule: 'invalid_rule',
  NoEnd: 'no_end',
  EndsBeforeStart: 'ends_before_start',
  TooLong: 'too_long',
  TooShort: 'too_short',
  InvalidExceptionDate: 'invalid_exception_date',
} as const;
export type RecurrenceProblem = (typeof RecurrenceProblem)[keyof typeof RecurrenceProblem];
