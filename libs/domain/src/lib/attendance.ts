/** Attendance in the room and drop-in tallies, shared by the roster screen and the API. */

import type { GroupKind } from './groups';
import { PLANNING_ZONE } from './recurrence-model';
import { DAY_MS } from './time';

export const AttendanceStatus = { Present: 'present', Absent: 'absent', Excused: 'excused' } as const;
export type AttendanceStatus = (typeof AttendanceStatus)[keyof typeof AttendanceStatus];
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = Object.values(AttendanceStatus);

/** Drop-in counters: adults, children by age band, first visit or returning; languages as `lang:xx`. */
export const TALLY_CATEGORIES = [
  'adults',
  'children_pregnancy',
  'children_0_1',
  'children_1_3',
  'children_3_6',
  'children_6_plus',
  'first_visit',
  'returning',
] as const;
export type TallyCategory = (typeof TALLY_CATEGORIES)[number] | `lang:${string}`;

export function isTallyCategory(value: string): value is TallyCategory {
  return (TALLY_CATEGORIES as readonly string[]).includes(value) || /^lang:[a-z]{2,3}$/.test(value);
}

/** One tap, made on a phone (perhaps offline) and sent later. `id` is made on the phone: a replay changes nothing. */
export type SyncOp =
  | { id: string; kind: 'attendance'; sessionId: string; familyId: string; status: AttendanceStatus; at: string }
  | { id: string; kind: 'tally'; sessionId: string; category: TallyCategory; delta: number; at: string }
  | {
      id: string;
      kind: 'walk_in';
      sessionId: string;
      familyId: string;
      displayName: string;
      phone?: string;
      childMonth?: string;
      at: string;
    };

/** Per tap: applied now, applied before (`replayed`: its effect is already in what you fetched), or refused. */
export type SyncResult = { id: string; ok: true; replayed?: true } | { id: string; ok: false; code: string; message: string };

export interface SyncRequest {
  ops: SyncOp[];
}

export interface SyncResponse {
  results: SyncResult[];
}

export interface RosterFamily {
  familyId: string;
  displayName: string;
  phone: string | null;
  /**
   * Why they are on the list: registered for this session (once or the series), a walk-in who first came
   * here (added by staff at this session), or a family the group knew, checked in by name.
   */
  source: 'registered' | 'series' | 'walk_in' | 'checked_in';
  status: AttendanceStatus | null;
  childrenComing: number;
  needs: string[];
}

export interface RosterView {
  sessionId: string;
  groupTitle: string;
  startsAt: string;
  endsAt: string;
  kind: GroupKind;
  locked: boolean;
  /** Until when taps are taken (end of the edit period, or the end of a coordinator's unlock). */
  editableUntil: string;
  families: RosterFamily[];
}

/** How far back a drop-in remembers a family: a registration or attendance in its group this many months before. */
export const KNOWN_FAMILY_MONTHS = 12;

/** A family a drop-in's group knows: only what a check-in by name needs (no phone, e-mail or needs). */
export interface KnownFamily {
  familyId: string;
  displayName: string;
  /** Already marked for this session (`present` = checked in), else null. */
  status: AttendanceStatus | null;
}

/** `GET /sessions/:id/known-families`: the families of a drop-in's group, to check in by name (A to Z). */
export interface KnownFamiliesView {
  sessionId: string;
  families: KnownFamily[];
}

export interface TallyView {
  sessionId: string;
  counts: Record<string, number>;
  locked: boolean;
}

export interface AttendanceHistoryEntry {
  sessionId: string;
  groupTitle: string;
  startsAt: string;
  status: AttendanceStatus;
}

/** `GET /families/:id/attendance`: whose history it is (the page may be opened by its address) and its sessions, latest first. */
export interface FamilyAttendanceHistory {
  family: { id: string; displayName: string };
  sessions: AttendanceHistoryEntry[];
}

/** A gentle prompt for a facilitator, never a mark on the family. */
export interface CarePrompt {
  familyId: string;
  displayName: string;
  phone: string | null;
  groupTitle: string;
  lastSessions: string[];
}

/** Until when taps on a session are taken: its end plus the edit period, or a later unlock. */
export function attendanceEditableUntil(sessionEnd: Date, editDays: number, unlockedUntil: Date | null): Date {
  const normal = new Date(sessionEnd.getTime() + editDays * DAY_MS);
  return unlockedUntil && unlockedUntil > normal ? unlockedUntil : normal;
}

/**
 * Whether a family missed its last two sessions in a row without letting us know (absent, not
 * excused). Only a reason to call and ask how things are.
 */
export function missedTwiceInARow(latestFirst: readonly (AttendanceStatus | null)[]): boolean {
  return latestFirst.length >= 2 && latestFirst[0] === AttendanceStatus.Absent && latestFirst[1] === AttendanceStatus.Absent;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SYNC_OP_KINDS: readonly string[] = ['attendance', 'tally', 'walk_in'] satisfies ReadonlyArray<SyncOp['kind']>;

/**
 * What is wrong with the shape of one tap as it came from a phone, in words; null when it can be
 * applied (or refused on its merits). A tap with a bad shape is refused alone, never its batch.
 */
export function syncOpShapeProblem(op: Record<string, unknown>): string | null {
  if (typeof op['id'] !== 'string' || !UUID.test(op['id'])) return 'Each tap needs an id made on the phone (a UUID).';
  if (!SYNC_OP_KINDS.includes(op['kind'] as string)) return 'A tap is attendance, a count or a walk-in.';
  if (typeof op['sessionId'] !== 'string' || !UUID.test(op['sessionId'])) return 'A tap needs the id of its session.';
  if (typeof op['at'] !== 'string' || Number.isNaN(Date.parse(op['at']))) return 'A tap needs the time it was made.';
  if (op['kind'] !== 'tally' && (typeof op['familyId'] !== 'string' || !UUID.test(op['familyId'])))
    return 'A tap about a family needs the family’s id.';
  if (op['kind'] === 'tally' && (typeof op['category'] !== 'string' || typeof op['delta'] !== 'number'))
    return 'A count needs a category and a number.';
  if (op['kind'] === 'attendance' && typeof op['status'] !== 'string') return 'Attendance needs a status.';
  if (
    op['kind'] === 'walk_in' &&
    (typeof op['displayName'] !== 'string' ||
      (op['phone'] !== undefined && typeof op['phone'] !== 'string') ||
      (op['childMonth'] !== undefined && typeof op['childMonth'] !== 'string'))
  ) {
    return 'A walk-in family needs a first name (and, if given, a phone number and a month as text).';
  }
  return null;
}

/** The most one count tap may add or take away (the database's check says the same). */
export const MAX_TALLY_DELTA = 100;

/** Whether a count tap can be taken: a known category and a whole number, not zero, at most `MAX_TALLY_DELTA` either way. */
export function isValidTallyTap(tap: { category: string; delta: number }): boolean {
  return isTallyCategory(tap.category) && Number.isInteger(tap.delta) && tap.delta !== 0 && Math.abs(tap.delta) <= MAX_TALLY_DELTA;
}

const CENTRE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: PLANNING_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day of `at` on the centre's clocks (Brussels), as `YYYY-MM-DD`. */
export function centreDay(at: Date): string {
  return CENTRE_DAY.format(at);
}

/** What may be marked before the session's day: only that a family let us know it cannot come. */
export const MARKS_BEFORE_THE_DAY: readonly AttendanceStatus[] = [AttendanceStatus.Excused];

/**
 * Whether present and absent can be marked for a session starting at `sessionStart`: from the
 * session's day on (Brussels), never before, so a tap on the wrong session ahead is refused.
 */
export function sessionDayReached(sessionStart: Date, now: Date): boolean {
  return centreDay(now) >= centreDay(sessionStart);
}

/** Whether a mark of `status` (a walk-in is marked present) can be taken `now` for a session starting at `sessionStart`. */
export function markAllowedNow(status: AttendanceStatus, sessionStart: Date, now: Date): boolean {
  return MARKS_BEFORE_THE_DAY.includes(status) || sessionDayReached(sessionStart, now);
}
