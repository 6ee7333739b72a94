import { Inject, Injectable } from '@nestjs/common';
import {
  ATTENDANCE_STATUSES,
  AuditAction,
  attendanceEditableUntil,
  ErrorCode,
  isChildMonth,
  isValidTallyTap,
  KNOWN_FAMILY_MONTHS,
  MARKS_BEFORE_THE_DAY,
  PLANNING_ZONE,
  centreDay,
  sessionDayReached,
  normalizePhone,
  syncOpShapeProblem,
  type SyncOp,
  type SyncResult,
  DAY_MS,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { NO_SESSION_IN_YOUR_GROUPS } from '../common/errors';
import { Transactions } from '../database/transactions';
import { RegistrationService } from '../registration/registration.service';
import { AttendanceRepository, type TallySessionRow } from './attendance.repository';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance.settings';

type Mark = Extract<SyncOp, { kind: 'attendance' }>;
type TallyTap = Extract<SyncOp, { kind: 'tally' }>;
type WalkIn = Extract<SyncOp, { kind: 'walk_in' }>;

const CANCELLED = 'This session was cancelled.';
const CLOSED = 'This session’s attendance is closed. A coordinator can reopen it.';
/** The words for a tap refused before the session's day (the web says it in the worker's language). */
const NOT_YET = 'Present and absent can be marked from the session’s day on; “excused” can be set ahead.';
const BAD_COUNT = 'A count must be a known category and a whole number, not zero.';

const refusal = (id: string, code: string, message: string): SyncResult => ({ id, ok: false, code, message });

/** Taps from phones (perhaps sent late): each applied on its own, a replay changes nothing; and reopening a closed session. */
@Injectable()
export class AttendanceSyncService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: AttendanceRepository,
    private readonly scopes: GroupScopes,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly registrations: RegistrationService,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  /**
   * Applies a batch of taps: all or nothing per item, a result per item, and a replay changes
   * nothing. Attendance taps (nearly all of them) are checked and written in one statement;
   * tallies set-wise in one transaction; walk-ins, rare, one by one. Each item stands alone.
   */
  async sync(staff: AuthenticatedStaff, raw: Array<Record<string, unknown>>): Promise<SyncResult[]> {
    const results = new Map<number, SyncResult>();
    const ops: Array<{ index: number; op: SyncOp }> = [];
    raw.forEach((item, index) => {
      const problem = syncOpShapeProblem(item);
      if (problem)
        results.set(index, refusal(typeof item['id'] === 'string' ? item['id'] : `#${index}`, ErrorCode.ValidationFailed, problem));
      else ops.push({ index, op: item as unknown as SyncOp });
    });
    const ofKind = <K extends SyncOp['kind']>(kind: K) =>
      ops.filter((o): o is { index: number; op: Extract<SyncOp, { kind: K }> } => o.op.kind === kind);
    // Walk-ins first: later taps in the same batch may be about the family that just walked in.
    for (const { index, op } of ofKind('walk_in')) results.set(index, await this.walkIn(staff, op));
    const answer = async <T extends SyncOp>(items: Array<{ index: number; op: T }>, apply: (ops: T[]) => Promise<SyncResult[]>) => {
      if (items.length === 0) return;
      const answers = await apply(items.map((o) => o.op));
      items.forEach((o, i) => results.set(o.index, answers[i]));
    };
    await answer(ofKind('attendance'), (marks) => this.applyMarks(staff, marks));
    await answer(ofKind('tally'), (tallies) => this.applyTallies(staff, tallies));
    return raw.map((_, index) => results.get(index) as SyncResult);
  }

  /** Attendance taps in one statement (`AttendanceRepository.applyMarks`); a tap with an unknown status is refused before. */
  private async applyMarks(staff: AuthenticatedStaff, ops: Mark[]): Promise<SyncResult[]> {
    const now = this.clock.now();
    const valid = ops.filter((o) => ATTENDANCE_STATUSES.includes(o.status));
    const rows = valid.length
      ? await this.repo.applyMarks(this.scopes.for(staff), staff.id, valid, {
          now,
          closedBefore: new Date(now.getTime() - this.settings.editDays * DAY_MS),
          knownMonths: KNOWN_FAMILY_MONTHS,
          zone: PLANNING_ZONE,
          aheadStatuses: MARKS_BEFORE_THE_DAY,
        })
      : [];
    const outcomes = new Map(rows.map((r) => [r.id, r.outcome]));
    return ops.map((op): SyncResult => {
      switch (outcomes.get(op.id)) {
        case 'applied':
          return { id: op.id, ok: true };
        case 'replayed':
          return { id: op.id, ok: true, replayed: true };
        case 'no_session':
          return refusal(op.id, ErrorCode.NotFound, NO_SESSION_IN_YOUR_GROUPS);
        case 'cancelled':
          return refusal(op.id, ErrorCode.Conflict, CANCELLED);
        case 'closed':
          return refusal(op.id, ErrorCode.Conflict, CLOSED);
        case 'not_yet':
          return refusal(op.id, ErrorCode.AttendanceNotYetOpen, NOT_YET);
        case 'not_listed':
          return refusal(op.id, ErrorCode.NotFound, 'This family is not on this session’s list.');
        default:
          return refusal(op.id, ErrorCode.ValidationFailed, 'Attendance is present, absent or excused.');
      }
    });
  }

  /**
   * Tally taps, set-wise in one transaction: claim the ids (the ones applied before are replays,
   * answered ok and left alone), judge each tap, write what is good, and free the ids of what was
   * refused (it may be sent again). Counts never go below zero: the sessions are locked first.
   */
  private applyTallies(staff: AuthenticatedStaff, ops: TallyTap[]): Promise<SyncResult[]> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const claimed = await this.repo.claimTapIds(
        ops.map((o) => o.id),
        staff.id,
        'tally',
        now,
      );
      const sessions = new Map(
        (
          await this.repo.tallySessions(
            this.scopes.for(staff),
            ops.map((o) => o.sessionId),
          )
        ).map((s) => [s.id, s]),
      );
      const { results, counts } = await this.judgeTallies(ops, claimed, sessions, now);
      if (counts.length) await this.repo.addTallyEntries(counts, staff.id, now);
      const refused = results.filter((r) => !r.ok).map((r) => r.id);
      if (refused.length) await this.repo.releaseTapIds(refused);
      return results;
    });
  }

  /** Each tally tap's answer, in order, and the counts to write; the totals are read with their sessions locked. */
  private async judgeTallies(
    ops: TallyTap[],
    claimed: Set<string>,
    sessions: Map<string, TallySessionRow>,
    now: Date,
  ): Promise<{ results: SyncResult[]; counts: Array<{ sessionId: string; category: string; delta: number }> }> {
    // Totals now, with the sessions that get counts locked, so two phones taking away the same
    // last person cannot push a count below zero.
    const counted = [...new Set(ops.filter((o) => claimed.has(o.id) && sessions.has(o.sessionId)).map((o) => o.sessionId))];
    const totals = new Map<string, number>();
    if (counted.length) {
      await this.repo.lockSessions(counted);
      for (const r of await this.repo.tallyTotals(counted)) totals.set(`${r.session_id}:${r.category}`, r.total);
    }
    const results: SyncResult[] = [];
    const counts: Array<{ sessionId: string; category: string; delta: number }> = [];
    for (const op of ops) {
      const session = sessions.get(op.sessionId);
      const key = `${op.sessionId}:${op.category}`;
      const total = totals.get(key) ?? 0;
      if (!claimed.has(op.id)) results.push({ id: op.id, ok: true, replayed: true });
      else if (!session) results.push(refusal(op.id, ErrorCode.NotFound, NO_SESSION_IN_YOUR_GROUPS));
      else if (session.status === 'cancelled') results.push(refusal(op.id, ErrorCode.Conflict, CANCELLED));
      else if (!this.open(session, now)) results.push(refusal(op.id, ErrorCode.Conflict, CLOSED));
      else if (!isValidTallyTap(op)) results.push(refusal(op.id, ErrorCode.ValidationFailed, BAD_COUNT));
      else if (total + op.delta < 0)
        results.push(refusal(op.id, ErrorCode.Conflict, 'This count is already at zero (another phone took one off).'));
      else {
        results.push({ id: op.id, ok: true });
        totals.set(key, total + op.delta);
        counts.push({ sessionId: op.sessionId, category: op.category, delta: op.delta });
      }
    }
    return { results, counts };
  }

  /** A family that walked in, marked present: one transaction of its own. Its id is claimed first, so a replay changes nothing. */
  private async walkIn(staff: AuthenticatedStaff, op: WalkIn): Promise<SyncResult> {
    try {
      return await this.transactions.run(async () => {
        const now = this.clock.now();
        if (!(await this.repo.claimTapIds([op.id], staff.id, op.kind, now)).has(op.id)) return { id: op.id, ok: true, replayed: true };
        const session = await this.repo.sessionInScopeOrThrow(this.scopes.for(staff), op.sessionId, true);
        if (!this.open(session, now)) throw new DomainError(ErrorCode.Conflict, CLOSED);
        if (session.status === 'cancelled') throw new DomainError(ErrorCode.Conflict, CANCELLED);
        // A walk-in is marked present: from the session's day on, like any present mark.
        if (!sessionDayReached(session.starts_at, now))
          throw new DomainError(
            ErrorCode.AttendanceNotYetOpen,
            `A family walks in on the session’s day (${centreDay(session.starts_at)}).`,
          );
        const phone = op.phone?.trim() ? normalizePhone(op.phone) : null;
        if (!op.displayName?.trim() || op.displayName.length > 60)
          throw new DomainError(ErrorCode.ValidationFailed, 'A walk-in family needs a first name or nickname.');
        if (op.phone?.trim() && !phone) throw new DomainError(ErrorCode.ValidationFailed, 'This is not a mobile number we can call.');
        if (op.childMonth && !isChildMonth(op.childMonth, now))
          throw new DomainError(ErrorCode.ValidationFailed, 'The child’s month must be YYYY-MM.');
        const known = await this.repo.familyCreator(op.familyId);
        if (known && known.created_by !== staff.id) throw new DomainError(ErrorCode.Conflict, 'This family id is already in use.');
        if (!known)
          await this.registrations.createWalkIn(staff.id, {
            familyId: op.familyId,
            displayName: op.displayName.trim(),
            phone,
            childMonth: op.childMonth ?? null,
            sessionEnd: session.ends_at,
          });
        await this.repo.mark(op.sessionId, op.familyId, 'present', staff.id, now);
        return { id: op.id, ok: true } as const;
      });
    } catch (error) {
      if (error instanceof DomainError) return refusal(op.id, error.code, error.message);
      throw error;
    }
  }

  /** A coordinator reopens a closed session for a few more days (`unlockDays`); the reason goes to the audit trail. */
  async unlock(staff: AuthenticatedStaff, sessionId: string, reason: string): Promise<void> {
    await this.transactions.run(async () => {
      await this.repo.sessionInScopeOrThrow(this.scopes.for(staff), sessionId, true);
      const until = new Date(this.clock.now().getTime() + this.settings.unlockDays * DAY_MS);
      await this.repo.unlockUntil(sessionId, until);
      await this.audit.record({
        action: AuditAction.AttendanceUnlocked,
        entity: 'group_session',
        entityId: sessionId,
        details: { reason: reason.trim(), until: until.toISOString() },
      });
    });
  }

  private open(session: { ends_at: Date; attendance_unlocked_until: Date | null }, now: Date): boolean {
    return now <= attendanceEditableUntil(session.ends_at, this.settings.editDays, session.attendance_unlocked_until);
  }
}
