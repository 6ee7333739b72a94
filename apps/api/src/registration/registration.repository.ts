import { Injectable } from '@nestjs/common';
import type { LocalizedText, RegistrationStatus, SessionStatus } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface RegistrationRow {
  id: string;
  family_id: string;
  session_id: string;
  enrolment_id: string | null;
  status: RegistrationStatus;
  seats: number;
  offer_expires_at: Date | null;
  group_id: string;
  group_title: LocalizedText;
  starts_at: Date;
  ends_at: Date;
  session_status: SessionStatus;
  location_name: string;
  location_street: string;
  location_city: string;
  waitlist_position: number | null;
  /**
   * Which placement this is: the queue number, drawn anew each time the registration is placed
   * (so "not this week" taken back and given again is a new one). Keys the messages about it.
   * Read from the database; absent on rows made in memory before they are placed.
   */
  placement?: string;
  /** The group closes online registration this many hours before a session (null: at its start). Read from the database. */
  closes_hours_before?: number | null;
  /** The session's calendar version (its .ics SEQUENCE: it goes up when the time or place changes). Read from the database. */
  calendar_sequence?: number;
}

const REGISTRATION_SELECT = `
  SELECT r.id, r.family_id, r.session_id, r.enrolment_id, r.status, r.seats, r.offer_expires_at,
         s.group_id, g.title AS group_title, s.starts_at, s.ends_at, s.status AS session_status,
         l.name AS location_name, l.street AS location_street, l.city AS location_city,
         CASE WHEN r.status = 'waitlisted' THEN
           (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq)
         END AS waitlist_position,
         r.queue_seq::text AS placement, g.registration_closes_hours_before AS closes_hours_before, s.calendar_sequence
    FROM registration r
    JOIN group_session s ON s.id = r.session_id
    JOIN parent_group g ON g.id = s.group_id
    JOIN location l ON l.id = s.location_id`;

@Injectable()
export class RegistrationRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async insertRegistration(r: {
    familyId: string;
    sessionId: string;
    enrolmentId: string | null;
    seats: number;
    childrenComing: number;
    needs: string[];
    source: 'parent' | 'staff';
    now: Date;
  }): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, children_coming, needs, source, created_at, updated_at)
       VALUES ($1, $2, $3, 'waitlisted', $4, $5, $6, $7, $8, $8) RETURNING id`,
      [r.familyId, r.sessionId, r.enrolmentId, r.seats, r.childrenComing, r.needs, r.source, r.now],
    );
    return row.id;
  }

  registrationsOfFamily(familyId: string): Promise<RegistrationRow[]> {
    return this.m.query(`${REGISTRATION_SELECT} WHERE r.family_id = $1 ORDER BY s.starts_at, r.id`, [familyId]);
  }

  /** A session's registrations that hold or wait for a seat, in queue order. */
  liveRegistrationsOfSession(sessionId: string): Promise<RegistrationRow[]> {
    return this.m.query(
      `${REGISTRATION_SELECT} WHERE r.session_id = $1 AND r.status IN ('confirmed', 'offered', 'waitlisted') ORDER BY r.queue_seq`,
      [sessionId],
    );
  }

  async registration(id: string, familyId?: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.m.query(`${REGISTRATION_SELECT} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.family_id = $2)`, [
      id,
      familyId ?? null,
    ]);
    return row;
  }

  /** The registration, where its absence is a bug (it was just read or written in this transaction). */
  async registrationOrThrow(id: string): Promise<RegistrationRow> {
    const row = await this.registration(id);
    if (!row) throw new Error(`Registration ${id} vanished within its own transaction`);
    return row;
  }

  /**
   * Locks the session's seats (the order every seat change takes: the session first), then says
   * where the registration stands now, seen after any change that held the lock before.
   */
  async lockedForPlacement(registrationId: string, sessionId: string): Promise<{ status: RegistrationStatus; placement: string }> {
    await this.m.query(`SELECT 1 FROM group_session WHERE id = $1 FOR NO KEY UPDATE`, [sessionId]);
    const [row] = await this.m.query(`SELECT status, queue_seq::text AS placement FROM registration WHERE id = $1`, [registrationId]);
    return row;
  }

  /**
   * When a family stops a series, its coming dates it said "not this week" to are cancelled too
   * (they hold no seat), so none of them can be taken back afterwards.
   */
  async cancelSkippedComing(familyId: string, groupId: string, now: Date): Promise<void> {
    await this.m.query(
      `UPDATE registration r SET status = 'cancelled', updated_at = $3 FROM group_session s
        WHERE s.id = r.session_id AND r.family_id = $1 AND s.group_id = $2 AND s.starts_at > $3 AND r.status = 'skipped'`,
      [familyId, groupId, now],
    );
  }

  /** Offers whose time ran out, oldest first. */
  async lapsedOffers(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT id FROM registration WHERE status = 'offered' AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }
}
