import { Injectable } from '@nestjs/common';
import type { LocalizedText, RegistrationStatus } from '@kring/domain';
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
  session_status: string;
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

export interface FamilyRow {
  id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  locale: string;
  discreet: boolean;
  code: string;
  manage_token_enc: string;
  manage_expires_at: Date;
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

  async codeTaken(code: string): Promise<boolean> {
    return (await this.m.query(`SELECT 1 FROM family WHERE code = $1`, [code])).length > 0;
  }

  async addChildren(familyId: string, months: string[]): Promise<void> {
    if (months.length) {
      await this.m.query(`INSERT INTO family_child (family_id, month) SELECT $1, (m || '-01')::date FROM unnest($2::text[]) m`, [
        familyId,
        months,
      ]);
    }
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

  /**
   * A new family with its children, its consent, a series enrolment when asked, and a waiting
   * registration per session, in one statement (placing them is `SeatBook.place`), unless it is a
   * repeat (see `repeat`). Undefined when the code happened to be taken (the caller draws another).
   */
  async insertFamilyWithRegistrations(f: {
    /** `manage_token_enc`: the token sealed (SecretBox), so later messages can carry the link again. */
    family: FamilyRow & {
      tokenHash: Buffer;
      createdAt: Date;
      createdBy: string | null;
    };
    children: string[];
    consent: { version: string; method: 'online' | 'in_person' | 'phone' };
    groupId: string | null;
    sessions: Array<{ id: string; seats: number }>;
    childrenComing: number;
    needs: string[];
    source: 'parent' | 'staff';
    /**
     * A double click: a family with this contact, registered since `since` for exactly these
     * sessions. When there is one, nothing is written and its id comes back as `repeatOf`.
     * (Run after the contact's advisory lock: this statement then sees the first click's commit.)
     */
    repeat: { phone: string | null; email: string | null; since: Date } | null;
  }): Promise<
    | { repeatOf: string }
    | { familyId: string; registrations: Array<{ id: string; sessionId: string; enrolmentId: string | null }> }
    | undefined
  > {
    const fam = f.family;
    const [row] = await this.transactions.prepared<{
      repeat_of: string | null;
      id: string | null;
      registrations: Array<{ id: string; sessionId: string; enrolmentId: string | null }>;
    }>(
      'registration.insert-family',
      `WITH repeat AS (
         SELECT e.id FROM family e
          WHERE $22::boolean AND e.created_at > $23 AND (e.phone = $24 OR lower(e.email) = lower($25))
            AND (SELECT array_agg(r.session_id ORDER BY r.session_id) FROM registration r WHERE r.family_id = e.id)
                = (SELECT array_agg(x ORDER BY x) FROM unnest($16::uuid[]) x)
          ORDER BY e.created_at DESC LIMIT 1),
       f AS (
         INSERT INTO family (id, display_name, phone, email, locale, discreet, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at, created_by)
         SELECT $21, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE NOT EXISTS (SELECT 1 FROM repeat)
         ON CONFLICT (code) DO NOTHING RETURNING id),
       child AS (INSERT INTO family_child (family_id, month) SELECT f.id, (m || '-01')::date FROM f, unnest($12::text[]) m),
       consent AS (
         INSERT INTO consent (family_id, purpose, notice_version, locale, given_at, method, taken_by)
         SELECT f.id, 'privacy_notice', $13, $4, $10, $14, $11 FROM f),
       enrolment AS (INSERT INTO enrolment (family_id, group_id, created_at) SELECT f.id, $15::uuid, $10 FROM f WHERE $15::uuid IS NOT NULL RETURNING id),
       reg AS (
         INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, children_coming, needs, source, created_at, updated_at)
         SELECT f.id, x.session_id, (SELECT id FROM enrolment), 'waitlisted', x.seats, $18, $19::text[], $20, $10, $10
           FROM f, unnest($16::uuid[], $17::int[]) AS x(session_id, seats)
         RETURNING id, session_id, enrolment_id)
       SELECT (SELECT id FROM repeat) AS repeat_of, (SELECT id FROM f) AS id,
              (SELECT json_agg(json_build_object('id', reg.id, 'sessionId', reg.session_id, 'enrolmentId', reg.enrolment_id)) FROM reg) AS registrations`,
      [
        fam.display_name,
        fam.phone,
        fam.email,
        fam.locale,
        fam.discreet,
        fam.code,
        fam.tokenHash,
        fam.manage_token_enc,
        fam.manage_expires_at,
        fam.createdAt,
        fam.createdBy,
        f.children,
        f.consent.version,
        f.consent.method,
        f.groupId,
        f.sessions.map((s) => s.id),
        f.sessions.map((s) => s.seats),
        f.childrenComing,
        f.needs,
        f.source,
        fam.id,
        f.repeat !== null,
        f.repeat?.since ?? null,
        f.repeat?.phone ?? null,
        f.repeat?.email ?? null,
      ],
    );
    if (row.repeat_of) return { repeatOf: row.repeat_of };
    return row.id ? { familyId: row.id, registrations: row.registrations } : undefined;
  }

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
    const [row] = await this.m.query(
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

  async familyByToken(tokenHash: Buffer, now: Date): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(
      `SELECT id, display_name, phone, email, locale, discreet, code, manage_token_enc, manage_expires_at FROM family WHERE manage_token_hash = $1 AND manage_expires_at > $2`,
      [tokenHash, now],
    );
    return row;
  }

  async family(id: string): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(
      `SELECT id, display_name, phone, email, locale, discreet, code, manage_token_enc, manage_expires_at FROM family WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The family, where its absence is a bug (it was just read or written in this transaction): a clear error, not a TypeError later. */
  async familyOrThrow(id: string): Promise<FamilyRow> {
    const row = await this.family(id);
    if (!row) throw new Error(`Family ${id} vanished within its own transaction`);
    return row;
  }

  async setFamilyLocale(id: string, locale: string): Promise<void> {
    await this.m.query(`UPDATE family SET locale = $2 WHERE id = $1`, [id, locale]);
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
