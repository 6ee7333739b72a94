import { Inject, Injectable } from '@nestjs/common';
import {
  ATTENDANCE_STATUSES,
  AuditAction,
  attendanceEditableUntil,
  ErrorCode,
  GroupKind,
  isChildMonth,
  KNOWN_FAMILY_MONTHS,
  isTallyCategory,
  missedTwiceInARow,
  normalizePhone,
  pickLocalized,
  type AttendanceStatus,
  type CarePrompt,
  type FamilyAttendanceHistory,
  type KnownFamiliesView,
  type Locale,
  type LocalizedText,
  type RosterView,
  type SyncOp,
  type SyncResult,
  type TallyView,
} from '@kring/domain';
import { groupScopeSql, GroupScopes, scopeParams } from '../access/group-scope';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { RegistrationService } from '../registration/registration.service';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance.settings';

interface SessionInScope {
  id: string;
  group_title: LocalizedText;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  attendance_unlocked_until: Date | null;
}

/** Days beyond the edit period that tap ids are kept (a reopened session may get old taps late). */
const SYNC_ID_MARGIN_DAYS = 60;

/** Roster, taps from phones (idempotent, per item), tallies, history and gentle prompts. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scopes: GroupScopes,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly registrations: RegistrationService,
    @Inject(ATTENDANCE_SETTINGS) private readonly settings: AttendanceSettings,
  ) {}

  /**
   * Who is expected and who came; the group's title in `locale` (else Dutch). A family here without a
   * registration is a walk-in (`walk_in`) when this session is where it first came: added by staff, never
   * registered, no attendance at an earlier session. Otherwise it is a known family checked in (`checked_in`).
   */
  async roster(staff: AuthenticatedStaff, sessionId: string, locale: Locale): Promise<RosterView> {
    const s = await this.session(staff, sessionId);
    const families = await this.transactions.manager.query(
      `SELECT f.id AS "familyId", f.display_name AS "displayName", f.phone,
              CASE WHEN r.enrolment_id IS NOT NULL THEN 'series'
                   WHEN r.id IS NOT NULL THEN 'registered'
                   WHEN f.created_by IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM registration ever WHERE ever.family_id = f.id)
                    AND NOT EXISTS (SELECT 1 FROM attendance before JOIN group_session bs ON bs.id = before.session_id
                                     WHERE before.family_id = f.id AND before.session_id <> $1 AND bs.starts_at < $2)
                   THEN 'walk_in'
                   ELSE 'checked_in' END AS source,
              a.status, coalesce(r.children_coming, 0) AS "childrenComing", coalesce(r.needs, '{}') AS needs
         FROM family f
         LEFT JOIN registration r ON r.family_id = f.id AND r.session_id = $1 AND r.status IN ('confirmed', 'offered')
         LEFT JOIN attendance a ON a.family_id = f.id AND a.session_id = $1
        WHERE r.id IS NOT NULL OR a.id IS NOT NULL
        ORDER BY lower(f.display_name), f.id`,
      [sessionId, s.starts_at],
    );
    const until = attendanceEditableUntil(s.ends_at, this.settings.editDays, s.attendance_unlocked_until);
    return {
      sessionId,
      groupTitle: pickLocalized(s.group_title, locale).text,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      kind: s.kind,
      locked: this.clock.now() > until,
      editableUntil: until.toISOString(),
      families,
    };
  }

  async tally(staff: AuthenticatedStaff, sessionId: string): Promise<TallyView> {
    const s = await this.session(staff, sessionId);
    const rows: Array<{ category: string; total: number }> = await this.transactions.manager.query(
      `SELECT category, sum(delta)::int AS total FROM tally_entry WHERE session_id = $1 GROUP BY category`,
      [sessionId],
    );
    return {
      sessionId,
      counts: Object.fromEntries(rows.map((r) => [r.category, r.total])),
      locked: this.clock.now() > attendanceEditableUntil(s.ends_at, this.settings.editDays, s.attendance_unlocked_until),
    };
  }

  /**
   * The families a drop-in's group knows (see `knownInGroupSql`), to check in by name: id, name and
   * this session's mark, nothing more. Read from the group's sessions (by index), not from all
   * families. Like the roster, this read is not written to the audit trail.
   */
  async knownFamilies(staff: AuthenticatedStaff, sessionId: string): Promise<KnownFamiliesView> {
    const s = await this.session(staff, sessionId);
    if (s.kind !== GroupKind.DropIn)
      throw new DomainError(ErrorCode.Conflict, 'Families are checked in by name at drop-ins; this session has its own list.');
    const families = await this.transactions.manager.query(
      `WITH t AS (SELECT group_id, starts_at FROM group_session WHERE id = $1),
       sessions AS (
         SELECT s.id FROM group_session s, t
          WHERE s.group_id = t.group_id AND s.starts_at >= t.starts_at - make_interval(months => $2::int)),
       known AS (
         SELECT r.family_id FROM registration r WHERE r.session_id IN (SELECT id FROM sessions) AND r.status <> 'cancelled'
         UNION
         SELECT a.family_id FROM attendance a WHERE a.session_id IN (SELECT id FROM sessions) AND a.family_id IS NOT NULL)
       SELECT f.id AS "familyId", f.display_name AS "displayName", a.status
         FROM known k JOIN family f ON f.id = k.family_id
         LEFT JOIN attendance a ON a.session_id = $1 AND a.family_id = f.id
        ORDER BY lower(f.display_name), f.id`,
      [sessionId, KNOWN_FAMILY_MONTHS],
    );
    return { sessionId, families };
  }

  /**
   * Applies a batch of taps: all or nothing per item, a result per item, and a replay changes
   * nothing. Attendance taps (nearly all of them) are checked and written in one statement;
   * tallies set-wise in one transaction; walk-ins, rare, one by one. Each item stands alone.
   */
  async sync(staff: AuthenticatedStaff, raw: Array<Record<string, unknown>>): Promise<SyncResult[]> {
    const results = new Map<number, SyncResult>();
    const ops: Array<{ index: number; op: SyncOp }> = [];
    raw.forEach((item, index) => {
      const problem = shapeProblem(item);
      if (problem)
        results.set(index, {
          id: typeof item['id'] === 'string' ? item['id'] : `#${index}`,
          ok: false,
          code: ErrorCode.ValidationFailed,
          message: problem,
        });
      else ops.push({ index, op: item as unknown as SyncOp });
    });
    // Walk-ins first: later taps in the same batch may be about the family that just walked in.
    for (const { index, op } of ops.filter((o) => o.op.kind === 'walk_in')) results.set(index, await this.applyOne(staff, op));
    const marks = ops.filter((o): o is { index: number; op: Extract<SyncOp, { kind: 'attendance' }> } => o.op.kind === 'attendance');
    if (marks.length) {
      const answers = await this.applyMarks(
        staff,
        marks.map((o) => o.op),
      );
      marks.forEach((o, i) => results.set(o.index, answers[i]));
    }
    const tallies = ops.filter((o): o is { index: number; op: Extract<SyncOp, { kind: 'tally' }> } => o.op.kind === 'tally');
    if (tallies.length) {
      const answers = await this.applyTallies(
        staff,
        tallies.map((o) => o.op),
      );
      tallies.forEach((o, i) => results.set(o.index, answers[i]));
    }
    return raw.map((_, index) => results.get(index) as SyncResult);
  }

  /**
   * Attendance taps in one statement, which is one transaction of its own: an id already applied
   * is a replay (ok, nothing changes); a tap on a session outside one's groups, cancelled or
   * closed, or for a family not on its list (registered, marked there already, or, at a drop-in,
   * known to its group), is refused and its id left free; the others claim
   * their ids and are written, the last tap per family winning. "Closed" is
   * `attendanceEditableUntil` (domain) turned around: the session ended after now minus the edit
   * period, or is unlocked until after now.
   */
  private async applyMarks(staff: AuthenticatedStaff, ops: Array<Extract<SyncOp, { kind: 'attendance' }>>): Promise<SyncResult[]> {
    const now = this.clock.now();
    const valid = ops.filter((o) => ATTENDANCE_STATUSES.includes(o.status));
    const rows =
      valid.length === 0
        ? []
        : await this.transactions.prepared<{
            id: string;
            outcome: 'applied' | 'replayed' | 'no_session' | 'cancelled' | 'closed' | 'not_listed';
          }>(
            'attendance.apply-marks',
            `WITH x AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(op, session_id, family_id, status, n)),
       s AS (
         SELECT s.id, s.status, s.group_id, s.starts_at, g.kind = 'drop_in' AS drop_in,
                (s.ends_at >= $7 OR coalesce(s.attendance_unlocked_until >= $6, false)) AS open
           FROM group_session s JOIN parent_group g ON g.id = s.group_id
          WHERE s.id IN (SELECT session_id FROM x) AND ${groupScopeSql('s.group_id', 8, 9)}),
       -- Looked up by key (these tables only grow), not scanned.
       done AS (SELECT o.id FROM sync_op o WHERE o.id = ANY($1::uuid[])),
       listed AS (
         SELECT r.session_id, r.family_id FROM registration r WHERE r.family_id = ANY($3::uuid[]) AND r.session_id = ANY($2::uuid[])
         UNION
         SELECT a.session_id, a.family_id FROM attendance a WHERE a.session_id = ANY($2::uuid[]) AND a.family_id = ANY($3::uuid[])
         UNION
         -- At a drop-in, also a family its group knows: looked up by the tapped family's id.
         SELECT x.session_id, x.family_id FROM x JOIN s ON s.id = x.session_id
          WHERE s.drop_in AND ${knownInGroupSql('x.family_id', 's.group_id', 's.starts_at', 10)}),
       checked AS (
         SELECT x.op, x.session_id, x.family_id, x.status, x.n,
                CASE
                  WHEN EXISTS (SELECT 1 FROM done WHERE done.id = x.op) THEN 'replayed'
                  WHEN s.id IS NULL THEN 'no_session'
                  WHEN s.status = 'cancelled' THEN 'cancelled'
                  WHEN NOT s.open THEN 'closed'
                  WHEN NOT EXISTS (SELECT 1 FROM listed l WHERE l.session_id = x.session_id AND l.family_id = x.family_id) THEN 'not_listed'
                END AS problem
           FROM x LEFT JOIN s ON s.id = x.session_id),
       claimed AS (
         INSERT INTO sync_op (id, staff_user_id, kind, result, applied_at)
         SELECT op, $5, 'attendance', '{"ok":true}', $6 FROM checked WHERE problem IS NULL
         ON CONFLICT (id) DO NOTHING RETURNING id),
       latest AS (
         SELECT DISTINCT ON (session_id, family_id) session_id, family_id, status
           FROM checked WHERE op IN (SELECT id FROM claimed) ORDER BY session_id, family_id, n DESC),
       written AS (
         INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at)
         SELECT session_id, family_id, status, $5, $6 FROM latest
         ON CONFLICT (session_id, family_id) WHERE family_id IS NOT NULL
         DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at)
       SELECT c.op AS id,
              coalesce(c.problem, CASE WHEN c.op IN (SELECT id FROM claimed) THEN 'applied' ELSE 'replayed' END) AS outcome
         FROM checked c ORDER BY c.n`,
            [
              valid.map((o) => o.id),
              valid.map((o) => o.sessionId),
              valid.map((o) => o.familyId),
              valid.map((o) => o.status),
              staff.id,
              now,
              new Date(now.getTime() - this.settings.editDays * 24 * 3_600_000),
              ...scopeParams(this.scopes.for(staff)),
              KNOWN_FAMILY_MONTHS,
            ],
          );
    const outcomes = new Map(rows.map((r) => [r.id, r.outcome]));
    return ops.map((op): SyncResult => {
      const fail = (code: string, message: string): SyncResult => ({ id: op.id, ok: false, code, message });
      switch (outcomes.get(op.id)) {
        case 'applied':
          return { id: op.id, ok: true };
        case 'replayed':
          return { id: op.id, ok: true, replayed: true };
        case 'no_session':
          return fail(ErrorCode.NotFound, 'No such session in your groups.');
        case 'cancelled':
          return fail(ErrorCode.Conflict, 'This session was cancelled.');
        case 'closed':
          return fail(ErrorCode.Conflict, 'This session’s attendance is closed. A coordinator can reopen it.');
        case 'not_listed':
          return fail(ErrorCode.NotFound, 'This family is not on this session’s list.');
        default:
          return fail(ErrorCode.ValidationFailed, 'Attendance is present, absent or excused.');
      }
    });
  }

  /** Tally taps, set-wise in one transaction; counts never go below zero (the sessions are locked first). */
  private applyTallies(staff: AuthenticatedStaff, ops: Array<Extract<SyncOp, { kind: 'tally' }>>): Promise<SyncResult[]> {
    return this.transactions.run(async (m) => {
      const now = this.clock.now();
      const fail = (op: SyncOp, code: string, message: string): SyncResult => ({ id: op.id, ok: false, code, message });
      // 1. Claim the ids: the ones already applied are replays, answered ok and left alone.
      const claimed = new Set<string>(
        (
          await m.query(
            `INSERT INTO sync_op (id, staff_user_id, kind, result, applied_at)
             SELECT id, $2, 'tally', '{"ok":true}', $3 FROM unnest($1::uuid[]) AS x(id) ON CONFLICT (id) DO NOTHING RETURNING id`,
            [ops.map((o) => o.id), staff.id, now],
          )
        ).map((r: { id: string }) => r.id),
      );
      // 2. The sessions, within one's groups, and whether they still take taps.
      const sessionIds = [...new Set(ops.map((o) => o.sessionId))];
      const sessions = new Map<string, { open: boolean; cancelled: boolean }>(
        (
          await m.query(
            `SELECT s.id, s.status, s.ends_at, s.attendance_unlocked_until FROM group_session s
              WHERE s.id = ANY($3::uuid[]) AND ${groupScopeSql('s.group_id', 1, 2)}`,
            [...scopeParams(this.scopes.for(staff)), sessionIds],
          )
        ).map((r: { id: string; status: string; ends_at: Date; attendance_unlocked_until: Date | null }) => [
          r.id,
          {
            open: now <= attendanceEditableUntil(r.ends_at, this.settings.editDays, r.attendance_unlocked_until),
            cancelled: r.status === 'cancelled',
          },
        ]),
      );
      // Totals now, with the sessions that get counts locked, so two phones taking away the same
      // last person cannot push a count below zero.
      const tallySessions = [...new Set(ops.filter((o) => claimed.has(o.id) && sessions.has(o.sessionId)).map((o) => o.sessionId))];
      const totals = new Map<string, number>();
      if (tallySessions.length) {
        await m.query(`SELECT 1 FROM group_session WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [tallySessions]);
        for (const r of await m.query(
          `SELECT session_id, category, sum(delta)::int AS total FROM tally_entry WHERE session_id = ANY($1::uuid[]) GROUP BY 1, 2`,
          [tallySessions],
        )) {
          totals.set(`${r.session_id}:${r.category}`, r.total);
        }
      }
      const results: SyncResult[] = [];
      const counts: Array<{ sessionId: string; category: string; delta: number }> = [];
      const rejected: string[] = [];
      for (const op of ops) {
        if (!claimed.has(op.id)) {
          results.push({ id: op.id, ok: true, replayed: true });
          continue;
        }
        const session = sessions.get(op.sessionId);
        const key = `${op.sessionId}:${op.category}`;
        const total = totals.get(key) ?? 0;
        let result: SyncResult;
        if (!session) result = fail(op, ErrorCode.NotFound, 'No such session in your groups.');
        else if (session.cancelled) result = fail(op, ErrorCode.Conflict, 'This session was cancelled.');
        else if (!session.open) result = fail(op, ErrorCode.Conflict, 'This session’s attendance is closed. A coordinator can reopen it.');
        else if (!isTallyCategory(op.category) || !Number.isInteger(op.delta) || op.delta === 0 || Math.abs(op.delta) > 100) {
          result = fail(op, ErrorCode.ValidationFailed, 'A count must be a known category and a whole number, not zero.');
        } else if (total + op.delta < 0) {
          result = fail(op, ErrorCode.Conflict, 'This count is already at zero (another phone took one off).');
        } else {
          result = { id: op.id, ok: true };
          totals.set(key, total + op.delta);
          counts.push({ sessionId: op.sessionId, category: op.category, delta: op.delta });
        }
        if (!result.ok) rejected.push(op.id);
        results.push(result);
      }
      // 3. Write what is good, set-wise; forget the claims of what was refused (it may be sent again).
      if (counts.length) {
        await m.query(
          `INSERT INTO tally_entry (session_id, category, delta, recorded_by, recorded_at)
           SELECT s, c, d, $4, $5 FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(s, c, d)`,
          [counts.map((c) => c.sessionId), counts.map((c) => c.category), counts.map((c) => c.delta), staff.id, now],
        );
      }
      if (rejected.length) await m.query(`DELETE FROM sync_op WHERE id = ANY($1::uuid[])`, [rejected]);
      return results;
    });
  }

  private async applyOne(staff: AuthenticatedStaff, op: SyncOp): Promise<SyncResult> {
    try {
      return await this.transactions.run(async (m) => {
        const claimed: unknown[] = await m.query(
          `INSERT INTO sync_op (id, staff_user_id, kind, result, applied_at) VALUES ($1, $2, $3, '{"ok":true}', $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [op.id, staff.id, op.kind, this.clock.now()],
        );
        if (claimed.length === 0) return { id: op.id, ok: true, replayed: true } as const; // applied before
        const session = await this.session(staff, op.sessionId, true);
        const now = this.clock.now();
        if (now > attendanceEditableUntil(session.ends_at, this.settings.editDays, session.attendance_unlocked_until)) {
          throw new DomainError(ErrorCode.Conflict, 'This session’s attendance is closed. A coordinator can reopen it.');
        }
        if (session.status === 'cancelled') throw new DomainError(ErrorCode.Conflict, 'This session was cancelled.');
        if (op.kind === 'tally') {
          if (!isTallyCategory(op.category) || !Number.isInteger(op.delta) || op.delta === 0 || Math.abs(op.delta) > 100) {
            throw new DomainError(ErrorCode.ValidationFailed, 'A count must be a known category and a whole number, not zero.');
          }
          await m.query(`INSERT INTO tally_entry (session_id, category, delta, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)`, [
            op.sessionId,
            op.category,
            op.delta,
            staff.id,
            now,
          ]);
        } else {
          if (op.kind === 'walk_in') {
            const phone = op.phone?.trim() ? normalizePhone(op.phone) : null;
            if (!op.displayName?.trim() || op.displayName.length > 60)
              throw new DomainError(ErrorCode.ValidationFailed, 'A walk-in family needs a first name or nickname.');
            if (op.phone?.trim() && !phone) throw new DomainError(ErrorCode.ValidationFailed, 'This is not a mobile number we can call.');
            if (op.childMonth && !isChildMonth(op.childMonth, now))
              throw new DomainError(ErrorCode.ValidationFailed, 'The child’s month must be YYYY-MM.');
            const [known] = await m.query(`SELECT created_by FROM family WHERE id = $1`, [op.familyId]);
            if (known && known.created_by !== staff.id) throw new DomainError(ErrorCode.Conflict, 'This family id is already in use.');
            if (!known)
              await this.registrations.createWalkIn(staff.id, {
                familyId: op.familyId,
                displayName: op.displayName.trim(),
                phone,
                childMonth: op.childMonth ?? null,
                sessionEnd: session.ends_at,
              });
          } else if (!['present', 'absent', 'excused'].includes(op.status)) {
            throw new DomainError(ErrorCode.ValidationFailed, 'Attendance is present, absent or excused.');
          } else {
            await this.assertOnRoster(op.sessionId, op.familyId);
          }
          const status: AttendanceStatus = op.kind === 'walk_in' ? 'present' : op.status;
          await m.query(
            `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (session_id, family_id) WHERE family_id IS NOT NULL DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
            [op.sessionId, op.familyId, status, staff.id, now],
          );
        }
        return { id: op.id, ok: true } as const;
      });
    } catch (error) {
      if (error instanceof DomainError) return { id: op.id, ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  /** A coordinator reopens a closed session for two more days; the reason goes to the audit trail. */
  async unlock(staff: AuthenticatedStaff, sessionId: string, reason: string, locale: Locale): Promise<RosterView> {
    await this.transactions.run(async (m) => {
      await this.session(staff, sessionId, true);
      const until = new Date(this.clock.now().getTime() + 2 * 24 * 3_600_000);
      await m.query(`UPDATE group_session SET attendance_unlocked_until = $2 WHERE id = $1`, [sessionId, until]);
      await this.audit.record({
        action: AuditAction.AttendanceUnlocked,
        entity: 'group_session',
        entityId: sessionId,
        details: { reason: reason.trim(), until: until.toISOString() },
      });
    });
    return this.roster(staff, sessionId, locale);
  }

  /**
   * A family's name and the sessions it attended, in the groups one may see. A family with neither
   * attendance nor a registration in those groups is not found (404), so its name stays unseen.
   */
  async history(staff: AuthenticatedStaff, familyId: string, locale: Locale): Promise<FamilyAttendanceHistory> {
    const params = [...scopeParams(this.scopes.for(staff)), familyId];
    const rows: Array<{ session_id: string; title: LocalizedText; starts_at: Date; status: AttendanceStatus }> =
      await this.transactions.manager.query(
        `SELECT a.session_id, g.title, s.starts_at, a.status FROM attendance a
         JOIN group_session s ON s.id = a.session_id JOIN parent_group g ON g.id = s.group_id
        WHERE a.family_id = $3 AND ${groupScopeSql('g.id', 1, 2)} ORDER BY s.starts_at DESC`,
        params,
      );
    // Attended in one's groups, or (nothing marked yet) registered in one of them.
    const [family]: Array<{ id: string; display_name: string }> = await this.transactions.manager.query(
      `SELECT f.id, f.display_name FROM family f
        WHERE f.id = $3
          AND ($4::boolean OR EXISTS (SELECT 1 FROM registration r JOIN group_session s ON s.id = r.session_id
                                      WHERE r.family_id = f.id AND ${groupScopeSql('s.group_id', 1, 2)}))`,
      [...params, rows.length > 0],
    );
    if (!family) throw new DomainError(ErrorCode.NotFound, 'No such family in your groups.');
    return {
      family: { id: family.id, displayName: family.display_name },
      sessions: rows.map((r) => ({
        sessionId: r.session_id,
        groupTitle: pickLocalized(r.title, locale).text,
        startsAt: r.starts_at.toISOString(),
        status: r.status,
      })),
    };
  }

  /** Families in one's groups who missed their last two sessions without notice: maybe give them a call. */
  async prompts(staff: AuthenticatedStaff, locale: Locale): Promise<CarePrompt[]> {
    const scope = this.scopes.for(staff);
    if (!scope.all && !staff.roles.includes('group_worker')) return [];
    const rows: Array<{
      family_id: string;
      display_name: string;
      phone: string | null;
      title: LocalizedText;
      statuses: Array<AttendanceStatus | null>;
      starts: Date[];
    }> = await this.transactions.manager.query(
      `SELECT f.id AS family_id, f.display_name, f.phone, g.title,
                array_agg(a.status ORDER BY s.starts_at DESC) AS statuses, array_agg(s.starts_at ORDER BY s.starts_at DESC) AS starts
           FROM registration r
           JOIN group_session s ON s.id = r.session_id AND s.ends_at < $3 AND s.status <> 'cancelled'
           JOIN parent_group g ON g.id = s.group_id
           JOIN family f ON f.id = r.family_id
           LEFT JOIN attendance a ON a.session_id = s.id AND a.family_id = f.id
          WHERE r.status = 'confirmed' AND s.starts_at > $3 - interval '60 days' AND ${groupScopeSql('g.id', 1, 2)}
            AND ($1 OR EXISTS (SELECT 1 FROM group_facilitator gf WHERE gf.group_id = g.id AND gf.staff_user_id = $2))
          GROUP BY f.id, f.display_name, f.phone, g.id, g.title`,
      [...scopeParams(scope), this.clock.now()],
    );
    return rows
      .filter((r) => missedTwiceInARow(r.statuses))
      .map((r) => ({
        familyId: r.family_id,
        displayName: r.display_name,
        phone: r.phone,
        groupTitle: pickLocalized(r.title, locale).text,
        lastSessions: r.starts.slice(0, 2).map((d) => d.toISOString()),
      }));
  }

  /**
   * Forgets the ids of taps applied long ago: a phone replays its queue within days, never after
   * the session has closed, so only recent ids are needed to recognise a replay.
   */
  async forgetOldTapIds(): Promise<void> {
    const keepDays = this.settings.editDays + SYNC_ID_MARGIN_DAYS;
    await this.transactions.manager.query(`DELETE FROM sync_op WHERE applied_at < $1::timestamptz - make_interval(days => $2)`, [
      this.clock.now(),
      keepDays,
    ]);
  }

  /** Names leave attendance older than the retention period; the counts stay. */
  async anonymise(): Promise<number> {
    const rows: unknown[] = await this.transactions.manager.query(
      `WITH old AS (
         UPDATE attendance a SET family_id = NULL, anonymised_at = $1::timestamptz
           FROM group_session s WHERE s.id = a.session_id AND a.family_id IS NOT NULL AND s.ends_at < $1::timestamptz - make_interval(months => $2)
         RETURNING a.id)
       SELECT id FROM old`,
      [this.clock.now(), this.settings.retentionMonths],
    );
    return rows.length;
  }

  private async assertOnRoster(sessionId: string, familyId: string): Promise<void> {
    const rows: unknown[] = await this.transactions.manager.query(
      `SELECT 1 FROM registration WHERE session_id = $1 AND family_id = $2
       UNION ALL SELECT 1 FROM attendance WHERE session_id = $1 AND family_id = $2
       UNION ALL SELECT 1 FROM family f WHERE f.id = $2 AND f.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registration x WHERE x.family_id = f.id)`,
      [sessionId, familyId],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.NotFound, 'This family is not on this session’s list.');
  }

  private async session(staff: AuthenticatedStaff, id: string, lock = false): Promise<SessionInScope> {
    const [row] = await this.transactions.manager.query(
      `SELECT s.id, g.title AS group_title, g.kind, s.starts_at, s.ends_at, s.status, s.attendance_unlocked_until
         FROM group_session s JOIN parent_group g ON g.id = s.group_id
        WHERE s.id = $3 AND ${groupScopeSql('g.id', 1, 2)} ${lock ? 'FOR NO KEY UPDATE OF s' : ''}`,
      [...scopeParams(this.scopes.for(staff)), id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, 'No such session in your groups.');
    return row;
  }
}

/**
 * SQL condition: the family `familyColumn` is known to the group `groupColumn`: a registration (not
 * cancelled) or attendance in one of its sessions that starts at most `$monthsParam` months before
 * `startsColumn` (or later). Looked up from the family (its indexes), for a few given families.
 * `knownFamilies` reads the same set the other way round, from the group's sessions.
 */
function knownInGroupSql(familyColumn: string, groupColumn: string, startsColumn: string, monthsParam: number): string {
  const inGroup = `k.group_id = ${groupColumn} AND k.starts_at >= ${startsColumn} - make_interval(months => $${monthsParam}::int)`;
  return `(EXISTS (SELECT 1 FROM registration kr JOIN group_session k ON k.id = kr.session_id
                    WHERE kr.family_id = ${familyColumn} AND kr.status <> 'cancelled' AND ${inGroup})
        OR EXISTS (SELECT 1 FROM attendance ka JOIN group_session k ON k.id = ka.session_id
                    WHERE ka.family_id = ${familyColumn} AND ${inGroup}))`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What is wrong with the shape of one tap, in words; null when it can be applied (or refused on its merits). */
function shapeProblem(op: Record<string, unknown>): string | null {
  if (typeof op['id'] !== 'string' || !UUID.test(op['id'])) return 'Each tap needs an id made on the phone (a UUID).';
  if (!['attendance', 'tally', 'walk_in'].includes(op['kind'] as string)) return 'A tap is attendance, a count or a walk-in.';
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
