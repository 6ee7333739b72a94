import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '@kring/domain';
import { Transactions } from '../database/transactions';

/** A session as a new registration needs it: to place it, and to say where and when in its messages. */
export interface SessionToRegister {
  id: string;
  group_id: string;
  group_title: LocalizedText;
  children_count: boolean;
  starts_at: Date;
  ends_at: Date;
  location_name: string;
  location_street: string;
  location_city: string;
  /** Its calendar version (the .ics SEQUENCE). */
  calendar_sequence: number;
}

/** The sessions a registration (or a move) may take: open, planned and ahead. */
@Injectable()
export class SessionsToRegisterRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The sessions a registration asks for (one, or a series' coming ones) that are open to it now,
   * with what its messages need. A series is open to parents once one of its dates is within the
   * group's registration window; then it takes every coming date not yet closed. With a `lockKey`
   * the statement first takes the transaction's advisory lock on it, so a second click with the
   * same contact waits for the first to commit.
   */
  async sessionsToRegister(q: {
    sessionId: string | null;
    groupId: string | null;
    now: Date;
    byStaff: boolean;
    lockKey: string | null;
  }): Promise<SessionToRegister[]> {
    return this.transactions.prepared<SessionToRegister>(
      'registration.sessions-to-register',
      `WITH lock AS MATERIALIZED (SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT $5::text AS k WHERE $5::text IS NOT NULL) keys)
       SELECT s.id, s.group_id, g.title AS group_title, g.children_count_toward_capacity AS children_count, s.starts_at, s.ends_at,
              l.name AS location_name, l.street AS location_street, l.city AS location_city, s.calendar_sequence
         FROM lock, group_session s JOIN parent_group g ON g.id = s.group_id JOIN location l ON l.id = s.location_id
        WHERE s.status = 'planned' AND g.active AND s.starts_at > $3
          AND (
            (s.id = $1::uuid AND g.registration_mode <> 'none'
              AND ($4 OR (g.registration_mode = 'open'
                AND (g.registration_opens_days_before IS NULL OR s.starts_at - make_interval(days => g.registration_opens_days_before) <= $3)
                AND (g.registration_closes_hours_before IS NULL OR s.starts_at - make_interval(hours => g.registration_closes_hours_before) > $3))))
            OR (s.group_id = $2::uuid AND g.registration_mode = 'open' AND g.kind = 'series'
              AND (g.registration_closes_hours_before IS NULL OR s.starts_at - make_interval(hours => g.registration_closes_hours_before) > $3)
              -- A series opens for enrolment when one of its dates does (for parents): not months ahead.
              AND ($4 OR EXISTS (
                SELECT 1 FROM group_session o
                 WHERE o.group_id = g.id AND o.status = 'planned' AND o.starts_at > $3
                   AND (g.registration_opens_days_before IS NULL OR o.starts_at - make_interval(days => g.registration_opens_days_before) <= $3)
                   AND (g.registration_closes_hours_before IS NULL OR o.starts_at - make_interval(hours => g.registration_closes_hours_before) > $3)))))
        ORDER BY s.starts_at`,
      [q.sessionId, q.groupId, q.now, q.byStaff, q.lockKey],
    );
  }

  /**
   * A session one may register for now: planned and in the future; for parents also an open
   * group within its registration window (staff may register for invite-only groups too).
   */
  async openSession(
    sessionId: string,
    now: Date,
    byStaff = false,
  ): Promise<{ id: string; group_id: string; children_count: boolean; starts_at: Date; ends_at: Date } | undefined> {
    const [row] = await this.transactions.manager.query(
      `SELECT s.id, s.group_id, g.children_count_toward_capacity AS children_count, s.starts_at, s.ends_at
         FROM group_session s JOIN parent_group g ON g.id = s.group_id
        WHERE s.id = $1 AND s.status = 'planned' AND g.active AND s.starts_at > $2 AND g.registration_mode <> 'none'
          AND ($3 OR (g.registration_mode = 'open'
            AND (g.registration_opens_days_before IS NULL OR s.starts_at - make_interval(days => g.registration_opens_days_before) <= $2)
            AND (g.registration_closes_hours_before IS NULL OR s.starts_at - make_interval(hours => g.registration_closes_hours_before) > $2)))`,
      [sessionId, now, byStaff],
    );
    return row;
  }
}
