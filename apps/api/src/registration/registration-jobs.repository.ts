import { Injectable } from '@nestjs/common';
import { DomainEventType, type Need, type SessionCancelledEvent } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface MissingSeriesRegistration {
  enrolment_id: string;
  family_id: string;
  session_id: string;
  children_count: boolean;
  children_coming: number;
  needs: Need[];
}

/** The reads and writes of the timed registration work (series enrolments, reminders, cancellation notices). */
@Injectable()
export class RegistrationJobsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** Coming planned sessions of enrolled series that the family has no registration for yet, earliest first. */
  missingSeriesRegistrations(now: Date, limit: number): Promise<MissingSeriesRegistration[]> {
    return this.m.query(
      `SELECT e.id AS enrolment_id, e.family_id, s.id AS session_id, g.children_count_toward_capacity AS children_count,
              coalesce(p.children_coming, 0) AS children_coming, coalesce(p.needs, '{}') AS needs
         FROM enrolment e
         JOIN parent_group g ON g.id = e.group_id AND g.active
         JOIN group_session s ON s.group_id = e.group_id AND s.status = 'planned' AND s.starts_at > $1
         LEFT JOIN LATERAL (SELECT children_coming, needs FROM registration x WHERE x.enrolment_id = e.id ORDER BY x.created_at LIMIT 1) p ON true
        WHERE e.cancelled_at IS NULL AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.family_id = e.family_id AND r.session_id = s.id)
        ORDER BY s.starts_at LIMIT $2`,
      [now, limit],
    );
  }

  /** A series registration, waiting to be placed; null when the family has one for that session already. */
  async insertSeriesRegistration(x: MissingSeriesRegistration, seats: number, now: Date): Promise<string | null> {
    const [row]: Array<{ id: string }> = await this.m.query(
      `INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, children_coming, needs, source, created_at, updated_at)
       VALUES ($1, $2, $3, 'waitlisted', $4, $5, $6, 'parent', $7, $7) ON CONFLICT (family_id, session_id) DO NOTHING RETURNING id`,
      [x.family_id, x.session_id, x.enrolment_id, seats, x.children_coming, x.needs, now],
    );
    return row?.id ?? null;
  }

  /**
   * Confirmed registrations whose session starts within `hours` and whose reminder for the session's
   * current version (its calendar sequence, once announced) is not written yet, with that reminder's key.
   */
  dueReminders(now: Date, hours: number): Promise<Array<{ id: string; family_id: string; key: string }>> {
    return this.m.query(
      `SELECT r.id, r.family_id, k.key FROM registration r JOIN group_session s ON s.id = r.session_id
         CROSS JOIN LATERAL (SELECT 'reminder:' || r.id || CASE WHEN s.calendar_sequence > 0 THEN ':v' || s.calendar_sequence ELSE '' END AS key) k
        WHERE r.status = 'confirmed' AND s.status = 'planned' AND s.starts_at > $1 AND s.starts_at <= $1 + make_interval(hours => $2)
          AND s.announced_sequence = s.calendar_sequence
          AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key LIKE k.key || ':%')`,
      [now, hours],
    );
  }

  /** Cancellation events with a registered or waiting family not told yet, oldest first. */
  async untoldCancellations(limit: number): Promise<SessionCancelledEvent[]> {
    const rows: Array<{ payload: SessionCancelledEvent }> = await this.m.query(
      `SELECT payload FROM domain_event e WHERE type = $1
         AND EXISTS (SELECT 1 FROM registration r WHERE r.session_id = e.aggregate_id AND r.status IN ('confirmed', 'offered', 'waitlisted')
                      AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key LIKE 'session_cancelled:' || r.id || ':%'))
       ORDER BY id LIMIT $2`,
      [DomainEventType.SessionCancelled, limit],
    );
    return rows.map((r) => r.payload);
  }

  /** The registrations of a session that hold or wait for a seat. */
  liveRegistrations(sessionId: string): Promise<Array<{ id: string; family_id: string }>> {
    return this.m.query(
      `SELECT id, family_id FROM registration WHERE session_id = $1 AND status IN ('confirmed', 'offered', 'waitlisted')`,
      [sessionId],
    );
  }
}
