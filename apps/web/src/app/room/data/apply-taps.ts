import type { AttendanceStatus, KnownFamiliesView, RosterFamily, RosterView, SyncOp } from '@kring/domain';
import { normalizePhone } from '@kring/domain';

/**
 * What a screen shows = what the server last said + the taps it has not confirmed yet, in the
 * order they were made. The same functions fold confirmed taps into the copy kept on the phone.
 */
export function applyToRoster(view: RosterView, ops: readonly SyncOp[]): RosterView {
  const families = new Map<string, RosterFamily>(view.families.map((f) => [f.familyId, f]));
  let changed = false;
  for (const op of ops) {
    if (op.sessionId !== view.sessionId) continue;
    if (op.kind === 'walk_in') {
      if (families.has(op.familyId)) continue;
      families.set(op.familyId, {
        familyId: op.familyId,
        displayName: op.displayName,
        phone: op.phone ? normalizePhone(op.phone) : null,
        source: 'walk_in',
        status: 'present',
        childrenComing: 0,
        needs: [],
      });
      changed = true;
    } else if (op.kind === 'attendance') {
      const family = families.get(op.familyId);
      if (!family || family.status === op.status) continue;
      families.set(op.familyId, { ...family, status: op.status });
      changed = true;
    }
  }
  if (!changed) return view;
  return { ...view, families: sortFamilies([...families.values()]) };
}

/** A drop-in's known families with this session's taps on top (the last tap per family wins). */
export function applyToKnown(view: KnownFamiliesView, ops: readonly SyncOp[]): KnownFamiliesView {
  const marks = new Map<string, AttendanceStatus>();
  for (const op of ops) if (op.kind === 'attendance' && op.sessionId === view.sessionId) marks.set(op.familyId, op.status);
  if (!view.families.some((f) => marks.has(f.familyId) && marks.get(f.familyId) !== f.status)) return view;
  return { ...view, families: view.families.map((f) => (marks.has(f.familyId) ? { ...f, status: marks.get(f.familyId) ?? null } : f)) };
}

/** Counts of a drop-in with the taps added; never below zero (as the server counts). */
export function applyToTally(counts: Readonly<Record<string, number>>, sessionId: string, ops: readonly SyncOp[]): Record<string, number> {
  const out: Record<string, number> = { ...counts };
  for (const op of ops) {
    if (op.kind !== 'tally' || op.sessionId !== sessionId) continue;
    out[op.category] = (out[op.category] ?? 0) + op.delta;
  }
  for (const key of Object.keys(out)) out[key] = Math.max(0, out[key]);
  return out;
}

export function sortFamilies(families: RosterFamily[]): RosterFamily[] {
  return families.sort(
    (a, b) => a.displayName.localeCompare(b.displayName, 'nl', { sensitivity: 'base' }) || a.familyId.localeCompare(b.familyId),
  );
}

export type AttendanceSummary = Record<AttendanceStatus | 'open', number>;

export function attendanceSummary(families: readonly RosterFamily[]): AttendanceSummary {
  const summary: AttendanceSummary = { present: 0, absent: 0, excused: 0, open: 0 };
  for (const f of families) summary[f.status ?? 'open']++;
  return summary;
}

export interface TallyTotals {
  adults: number;
  children: number;
  pregnancies: number;
  firstVisits: number;
  returning: number;
}

const CHILD_BANDS = ['children_0_1', 'children_1_3', 'children_3_6', 'children_6_plus'];

export function tallyTotals(counts: Readonly<Record<string, number>>): TallyTotals {
  const n = (key: string) => counts[key] ?? 0;
  return {
    adults: n('adults'),
    children: CHILD_BANDS.reduce((sum, key) => sum + n(key), 0),
    pregnancies: n('children_pregnancy'),
    firstVisits: n('first_visit'),
    returning: n('returning'),
  };
}

/** Taps are refused once the edit period is over (unless a coordinator reopened the session). */
export function isLocked(view: { locked: boolean; editableUntil?: string }, now: Date): boolean {
  if (view.locked) return true;
  return view.editableUntil !== undefined && now.getTime() > Date.parse(view.editableUntil);
}
