import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type AttendanceStatus,
  type GroupKind,
  type KnownFamily,
  type LocalizedText,
  type RosterFamily,
  type SessionStatus,
  type SyncOp,
} from '@kring/domain';
import { groupScopeSql, scopeParams, type GroupScope } from '../access/group-scope';
import { DomainError } from '../common/domain-error';
import { NO_FAMILY_IN_YOUR_GROUPS, NO_SESSION_IN_YOUR_GROUPS } from '../common/errors';
import { Transactions } from '../database/transactions';
import { APPLY_MARKS_SQL, type MarkOutcome } from './apply-marks.sql';

export interface SessionInScope {
  id: string;
  group_title: LocalizedText;
  kind: GroupKind;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  attendance_unlocked_until: Date | null;
}

export interface HistoryRow {
  session_id: string;
  title: LocalizedText;
  starts_at: Date;
  status: AttendanceStatus;
}

export interface CarePromptRow {
  family_id: string;
  title: LocalizedText;
  statuses: Array<AttendanceStatus | null>;
  starts: Date[];
}

/** A session a batch of count taps is about, as far as taking them goes. */
export interface TallySessionRow {
  id: string;
  status: SessionStatus;
  ends_at: Date;
  attendance_unlocked_until: Date | null;
}

type Mark = Extract<SyncOp, { kind: 'attendance' }>;

/** The SQL of attendance, tallies and taps: one small named method per query. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** A session within `scope` (404 outside it); `lock` takes it `FOR NO KEY UPDATE` in the open transaction. */
  async sessionInScopeOrThrow(scope: GroupScope, id: string, lock = false): Promise<SessionInScope> {
    const [row]: SessionInScope[] = await this.m.query(
      `SELECT s.id, g.title AS group_title, g.kind, s.starts_at, s.ends_at, s.status, s.attendance_unlocked_until
         FROM group_session s JOIN parent_group g ON g.id = s.group_id
        WHERE s.id = $3 AND ${groupScopeSql('g.id', 1, 2)} ${lock ? 'FOR NO KEY UPDATE OF s' : ''}`,
      [...scopeParams(scope), id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, NO_SESSION_IN_YOUR_GROUPS);
    return row;
  }

  /**
   * Who is expected and who came, read from the session's own rows (its registrations and marks,
   * by index), then their families by key: the cost follows the session, not the number of families.
   * A family here without a registration is a walk-in (`walk_in`) when this session is where it first
   * came: added by staff, never registered, no attendance at an earlier session. Otherwise it is a
   * known family checked in (`checked_in`).
   */
  roster(sessionId: string, startsAt: Date): Promise<RosterFamily[]> {
    return this.m.query(
      `WITH listed AS (
         SELECT r.family_id FROM registration r WHERE r.session_id = $1 AND r.status IN ('confirmed', 'offered')
         UNION
         SELECT a.family_id FROM attendance a WHERE a.session_id = $1 AND a.family_id IS NOT NULL)
       SELECT f.id AS "familyId", f.display_name AS "displayName", f.phone,
              CASE WHEN r.enrolment_id IS NOT NULL THEN 'series'
                   WHEN r.id IS NOT NULL THEN 'registered'
                   WHEN f.created_by IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM registration ever WHERE ever.family_id = f.id)
                    AND NOT EXISTS (SELECT 1 FROM attendance before JOIN group_session bs ON bs.id = before.session_id
                                     WHERE before.family_id = f.id AND before.session_id <> $1 AND bs.starts_at < $2)
                   THEN 'walk_in'
                   ELSE 'checked_in' END AS source,
              a.status, coalesce(r.children_coming, 0) AS "childrenComing", coalesce(r.needs, '{}') AS needs
         FROM listed l
         JOIN family f ON f.id = l.family_id
         LEFT JOIN registration r ON r.family_id = f.id AND r.session_id = $1 AND r.status IN ('confirmed', 'offered')
         LEFT JOIN attendance a ON a.family_id = f.id AND a.session_id = $1
        ORDER BY lower(f.display_name), f.id`,
      [sessionId, startsAt],
    );
  }

  /**
   * The families a drop-in's group knows (see `knownInGroupSql`), with this session's mark. Read
   * from the group's sessions of the last `months` (by index); each name is then looked up by key
   * (a subquery per family, so no plan reads all families to join a few hundred).
   */
  knownFamilies(sessionId: string, months: number): Promise<KnownFamily[]> {
    return this.m.query(
      `WITH t AS (SELECT group_id, starts_at FROM group_session WHERE id = $1),
       sessions AS (
         SELECT s.id FROM group_session s, t
          WHERE s.group_id = t.group_id AND s.starts_at >= t.starts_at - make_interval(months => $2::int)),
       known AS (
         SELECT r.family_id FROM registration r WHERE r.session_id IN (SELECT id FROM sessions) AND r.status <> 'cancelled'
         UNION
         SELECT a.family_id FROM attendance a WHERE a.session_id IN (SELECT id FROM sessions) AND a.family_id IS NOT NULL),
       named AS (SELECT k.family_id, (SELECT f.display_name FROM family f WHERE f.id = k.family_id) AS display_name FROM known k)
       SELECT n.family_id AS "familyId", n.display_name AS "displayName",
              (SELECT a.status FROM attendance a WHERE a.session_id = $1 AND a.family_id = n.family_id) AS status
         FROM named n
        ORDER BY lower(n.display_name), n.family_id`,
      [sessionId, months],
    );
  }

  /** Attendance taps in one statement (see `APPLY_MARKS_SQL`): each tap's id with what became of it. */
  applyMarks(
    scope: GroupScope,
    staffId: string,
    marks: Mark[],
    at: { now: Date; closedBefore: Date; knownMonths: number; zone: string; aheadStatuses: readonly string[] },
  ): Promise<Array<{ id: string; outcome: MarkOutcome }>> {
    return this.transactions.prepared('attendance.apply-marks', APPLY_MARKS_SQL, [
      marks.map((o) => o.id),
      marks.map((o) => o.sessionId),
      marks.map((o) => o.familyId),
      marks.map((o) => o.status),
      staffId,
      at.now,
      at.closedBefore,
      ...scopeParams(scope),
      at.knownMonths,
      at.zone,
      at.aheadStatuses,
    ]);
  }

  /** Claims tap ids; answers the ones claimed now (the others were applied before: replays). */
  async claimTapIds(ids: string[], staffId: string, kind: SyncOp['kind'], now: Date): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.m.query(
      `INSERT INTO sync_op (id, staff_user_id, kind, result, applied_at)
       SELECT id, $2, $3, '{"ok":true}', $4 FROM unnest($1::uuid[]) AS x(id) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [ids, staffId, kind, now],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Frees the ids of refused taps, so they may be sent again. */
  async releaseTapIds(ids: string[]): Promise<void> {
    await this.m.query(`DELETE FROM sync_op WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Forgets the ids of taps applied more than `keepDays` before `now`. */
  async forgetTapIdsBefore(now: Date, keepDays: number): Promise<void> {
    await this.m.query(`DELETE FROM sync_op WHERE applied_at < $1::timestamptz - make_interval(days => $2)`, [now, keepDays]);
  }

  /** The sessions within `scope` among `ids` (the others are not found). */
  tallySessions(scope: GroupScope, ids: string[]): Promise<TallySessionRow[]> {
    return this.m.query(
      `SELECT s.id, s.status, s.ends_at, s.attendance_unlocked_until FROM group_session s
        WHERE s.id = ANY($3::uuid[]) AND ${groupScopeSql('s.group_id', 1, 2)}`,
      [...scopeParams(scope), ids],
    );
  }

  /** Locks sessions (in id order, so two batches never deadlock) until the transaction ends. */
  async lockSessions(ids: string[]): Promise<void> {
    await this.m.query(`SELECT 1 FROM group_session WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [ids]);
  }

  /** Each session's count per category. */
  tallyTotals(sessionIds: string[]): Promise<Array<{ session_id: string; category: string; total: number }>> {
    return this.m.query(
      `SELECT session_id, category, sum(delta)::int AS total FROM tally_entry WHERE session_id = ANY($1::uuid[]) GROUP BY 1, 2`,
      [sessionIds],
    );
  }

  /** One session's count per category. */
  tallyOf(sessionId: string): Promise<Array<{ category: string; total: number }>> {
    return this.m.query(`SELECT category, sum(delta)::int AS total FROM tally_entry WHERE session_id = $1 GROUP BY category`, [sessionId]);
  }

  async addTallyEntries(counts: Array<{ sessionId: string; category: string; delta: number }>, staffId: string, now: Date): Promise<void> {
    await this.m.query(
      `INSERT INTO tally_entry (session_id, category, delta, recorded_by, recorded_at)
       SELECT s, c, d, $4, $5 FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(s, c, d)`,
      [counts.map((c) => c.sessionId), counts.map((c) => c.category), counts.map((c) => c.delta), staffId, now],
    );
  }

  /** Who made the family `familyId`, or undefined when there is no such family. */
  async familyCreator(familyId: string): Promise<{ created_by: string | null } | undefined> {
    const [row] = await this.m.query(`SELECT created_by FROM family WHERE id = $1`, [familyId]);
    return row;
  }

  /** One family's mark at one session (the last one wins). */
  async mark(sessionId: string, familyId: string, status: AttendanceStatus, staffId: string, now: Date): Promise<void> {
    await this.m.query(
      `INSERT INTO attendance (session_id, family_id, status, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, family_id) WHERE family_id IS NOT NULL
       DO UPDATE SET status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
      [sessionId, familyId, status, staffId, now],
    );
  }

  async unlockUntil(sessionId: string, until: Date): Promise<void> {
    await this.m.query(`UPDATE group_session SET attendance_unlocked_until = $2 WHERE id = $1`, [sessionId, until]);
  }

  /** The sessions a family attended in the groups within `scope`, latest first. */
  history(scope: GroupScope, familyId: string): Promise<HistoryRow[]> {
    return this.m.query(
      `SELECT a.session_id, g.title, s.starts_at, a.status FROM attendance a
         JOIN group_session s ON s.id = a.session_id JOIN parent_group g ON g.id = s.group_id
        WHERE a.family_id = $3 AND ${groupScopeSql('g.id', 1, 2)} ORDER BY s.starts_at DESC`,
      [...scopeParams(scope), familyId],
    );
  }

  /**
   * A family's id and name if it attended in one's groups (`attended`, known from its history), or,
   * nothing marked yet, registered in one of them; else 404, so its name stays unseen.
   */
  async historyFamilyOrThrow(scope: GroupScope, familyId: string, attended: boolean): Promise<{ id: string; display_name: string }> {
    const [family]: Array<{ id: string; display_name: string }> = await this.m.query(
      `SELECT f.id, f.display_name FROM family f
        WHERE f.id = $3
          AND ($4::boolean OR EXISTS (SELECT 1 FROM registration r JOIN group_session s ON s.id = r.session_id
                                      WHERE r.family_id = f.id AND ${groupScopeSql('s.group_id', 1, 2)}))`,
      [...scopeParams(scope), familyId, attended],
    );
    if (!family) throw new DomainError(ErrorCode.NotFound, NO_FAMILY_IN_YOUR_GROUPS);
    return family;
  }

  /**
   * Per family and group in `scope`: its confirmed registrations at sessions that ended in the last
   * 60 days and their marks, latest first. Read from those sessions (by index), each mark by its key
   * (a subquery, so no plan reads all marks to join a few thousand), without the families: the few
   * that need a prompt are named after (`familyContacts`).
   */
  carePromptCandidates(scope: GroupScope, now: Date): Promise<CarePromptRow[]> {
    return this.m.query(
      `WITH recent AS (
         SELECT s.id, s.group_id, s.starts_at FROM group_session s
          WHERE s.starts_at > $3::timestamptz - interval '60 days' AND s.ends_at < $3 AND s.status <> 'cancelled'
            AND ${groupScopeSql('s.group_id', 1, 2)})
       SELECT r.family_id, g.title,
              array_agg((SELECT a.status FROM attendance a WHERE a.session_id = s.id AND a.family_id = r.family_id) ORDER BY s.starts_at DESC)
                AS statuses,
              array_agg(s.starts_at ORDER BY s.starts_at DESC) AS starts
         FROM recent s
         JOIN registration r ON r.session_id = s.id AND r.status = 'confirmed'
         JOIN parent_group g ON g.id = s.group_id
        GROUP BY r.family_id, g.id, g.title`,
      [...scopeParams(scope), now],
    );
  }

  /** Name and phone of the families `ids`, by key. */
  familyContacts(ids: string[]): Promise<Array<{ id: string; display_name: string; phone: string | null }>> {
    return this.m.query(`SELECT id, display_name, phone FROM family WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Names leave attendance of sessions that ended `months` before `now`; answers how many marks. */
  async anonymiseBefore(now: Date, months: number): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `WITH old AS (
         UPDATE attendance a SET family_id = NULL, anonymised_at = $1::timestamptz
           FROM group_session s
          WHERE s.id = a.session_id AND a.family_id IS NOT NULL AND s.ends_at < $1::timestamptz - make_interval(months => $2)
         RETURNING a.id)
       SELECT id FROM old`,
      [now, months],
    );
    return rows.length;
  }
}
