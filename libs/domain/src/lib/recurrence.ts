import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { MAX_SESSION_MINUTES, PLANNING_ZONE, RecurrenceProblem, type Occurrence, type Recurrence } from './recurrence-model';

// The rules of a series need rrule and luxon (about 150 kB for a browser), so they are reached
// through their own entry point, `@kring/domain/recurrence`; the types and constants they use are
// in `recurrence-model.ts`, exported by `@kring/domain`.

const LOCAL_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST']);
const ALLOWED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/** What is wrong with a recurrence, in words the form can show field by field. Empty: fine. */
export function recurrenceProblems(r: Recurrence): Array<{ field: keyof Recurrence; problem: RecurrenceProblem }> {
  const out: Array<{ field: keyof Recurrence; problem: RecurrenceProblem }> = [];
  const start = parseLocalStart(r.firstStart);
  if (!start) out.push({ field: 'firstStart', problem: RecurrenceProblem.InvalidStart });
  if (!Number.isInteger(r.durationMinutes) || r.durationMinutes < 5)
    out.push({ field: 'durationMinutes', problem: RecurrenceProblem.TooShort });
  else if (r.durationMinutes > MAX_SESSION_MINUTES) out.push({ field: 'durationMinutes', problem: RecurrenceProblem.TooLong });
  if (r.exceptionDates.some((d) => !LOCAL_DATE.test(d) || !DateTime.fromISO(d, { zone: PLANNING_ZONE }).isValid)) {
    out.push({ field: 'exceptionDates', problem: RecurrenceProblem.InvalidExceptionDate });
  }
  if (r.rule !== null) {
    const parts = parseRuleParts(r.rule);
    if (
      !parts ||
      !ALLOWED_FREQ.has(parts.get('FREQ') ?? '') ||
      [...parts.keys()].some((k) => !ALLOWED_PARTS.has(k)) ||
      !buildRule(r.rule, start ?? DateTime.utc())
    ) {
      out.push({ field: 'rule', problem: RecurrenceProblem.InvalidRule });
    } else if (!parts.has('COUNT') && !parts.has('UNTIL')) {
      out.push({ field: 'rule', problem: RecurrenceProblem.NoEnd });
    } else if (start && parts.has('UNTIL')) {
      const until = untilLocal(parts.get('UNTIL') as string);
      if (!until || until < start) out.push({ field: 'rule', problem: RecurrenceProblem.EndsBeforeStart });
    }
  }
  return out;
}

/**
 * The meetings of a recurrence that start before `until` (and not before `from`), as real
 * instants. The rule is evaluated in Brussels wall-clock time, so 09:30 stays 09:30 across
 * both daylight-saving changes; a wall-clock time that does not exist that night (02:30 on
 * the last Sunday of March) moves forward by the hour, as clocks do.
 */
export function expandRecurrence(r: Recurrence, until: Date, from?: Date): Occurrence[] {
  if (recurrenceProblems(r).length > 0) throw new Error('expandRecurrence: invalid recurrence (check recurrenceProblems first)');
  const start = parseLocalStart(r.firstStart) as DateTime;
  const skip = new Set(r.exceptionDates);
  // rrule works on "floating" times: we hand it wall-clock fields dressed as UTC.
  const floating = (d: DateTime): Date => new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute));
  const horizon = DateTime.fromJSDate(until, { zone: PLANNING_ZONE }).plus({ days: 1 });
  const locals: Date[] =
    r.rule === null ? [floating(start)] : (buildRule(r.rule, start) as RRule).between(floating(start), floating(horizon), true);
  const out: Occurrence[] = [];
  for (const f of locals) {
    const local = DateTime.fromObject(
      { year: f.getUTCFullYear(), month: f.getUTCMonth() + 1, day: f.getUTCDate(), hour: f.getUTCHours(), minute: f.getUTCMinutes() },
      { zone: PLANNING_ZONE },
    );
    const localDate = local.toISODate() as string;
    if (skip.has(localDate)) continue;
    const startsAt = local.toJSDate();
    if (startsAt >= until || (from && startsAt < from)) continue;
    out.push({
      startsAt,
      endsAt: local.plus({ minutes: r.durationMinutes }).toJSDate(),
      localDate,
      localStart: `${localDate}T${String(f.getUTCHours()).padStart(2, '0')}:${String(f.getUTCMinutes()).padStart(2, '0')}`,
    });
  }
  return out;
}

/** Brussels wall-clock `YYYY-MM-DDTHH:mm` of an instant. */
export function toLocalStart(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PLANNING_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant of a Brussels wall-clock `YYYY-MM-DDTHH:mm`, or null when it is not one. */
export function fromLocalStart(local: string): Date | null {
  return parseLocalStart(local)?.toJSDate() ?? null;
}

function parseLocalStart(text: string): DateTime | null {
  if (!LOCAL_START.test(text)) return null;
  const d = DateTime.fromISO(text, { zone: PLANNING_ZONE });
  return d.isValid ? d : null;
}

function parseRuleParts(rule: string): Map<string, string> | null {
  const body = rule.trim().replace(/^RRULE:/i, '');
  if (!body || /[\r\n]/.test(body)) return null;
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || !value || extra !== undefined || parts.has(key.toUpperCase())) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  return parts;
}

/** UNTIL as a Brussels wall-clock moment; a date alone means "through that whole day". */
function untilLocal(value: string): DateTime | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const dt = DateTime.fromObject(
    { year: +y, month: +mo, day: +d, hour: h ? +h : 23, minute: mi ? +mi : 59, second: s ? +s : 59 },
    { zone: PLANNING_ZONE },
  );
  return dt.isValid ? dt : null;
}

function buildRule(rule: string, start: DateTime): RRule | null {
  const parts = parseRuleParts(rule);
  if (!parts) return null;
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const u = untilLocal(until);
    if (!u) return null;
    parts.set('UNTIL', u.toFormat("yyyyMMdd'T'HHmmss"));
  }
  const dtstart = start.toFormat("yyyyMMdd'T'HHmm'00'");
  try {
    const text = `DTSTART:${dtstart}\nRRULE:${[...parts].map(([k, v]) => `${k}=${v}`).join(';')}`;
    const parsed = RRule.fromString(text);
    // rrule accepts some nonsense silently; one occurrence proves it can be evaluated.
    parsed.after(new Date(0), true);
    return parsed;
  } catch {
    return null;
  }
}
