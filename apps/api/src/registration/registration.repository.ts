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
         END AS waitlist_position
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

  async insertFamily(f: {
    displayName: string;
    phone: string | null;
    email: string | null;
    locale: string;
    discreet: boolean;
    code: string;
    tokenHash: Buffer;
    /** The token sealed (SecretBox), so later messages can carry the link again. */
    tokenSealed: string;
    expiresAt: Date;
    now: Date;
    createdBy: string | null;
  }): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO family (display_name, phone, email, locale, discreet, code, manage_token_hash, manage_token_enc, manage_expires_at, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [f.displayName, f.phone, f.email, f.locale, f.discreet, f.code, f.tokenHash, f.tokenSealed, f.expiresAt, f.now, f.createdBy],
    );
    return row.id;
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.m.query(`SELECT 1 FROM family WHERE code = $1`, [code])).length > 0;
  }

  async addChildren(familyId: string, months: string[]): Promise<void> {
    if (months.length) {
      await this.m.query(`INSERT INTO family_child (family_id, month) SELECT $1, (m || '-01')::date FROM unnest($2::text[]) m`, [familyId, months]);
    }
  }

  async addConsent(c: { familyId: string; version: string; locale: string; at: Date; method: 'online' | 'in_person' | 'phone'; takenBy: string | null }): Promise<void> {
    await this.m.query(
      `INSERT INTO consent (family_id, purpose, notice_version, locale, given_at, method, taken_by) VALUES ($1, 'privacy_notice', $2, $3, $4, $5, $6)`,
      [c.familyId, c.version, c.locale, c.at, c.method, c.takenBy],
    );
  }

  async insertEnrolment(familyId: string, groupId: string, now: Date): Promise<string> {
    const [row] = await this.m.query(`INSERT INTO enrolment (family_id, group_id, created_at) VALUES ($1, $2, $3) RETURNING id`, [familyId, groupId, now]);
    return row.id;
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
   * A session one may register for now: planned and in the future; for parents also an open
   * group within its registration window (staff may register for invite-only groups too).
   */
  async openSession(sessionId: string, now: Date, byStaff = false): Promise<{ id: string; group_id: string; children_count: boolean; starts_at: Date; ends_at: Date } | undefined> {
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

  /** The coming sessions of a group open for registration, for a series enrolment. */
  async openSessionsOfGroup(groupId: string, now: Date): Promise<Array<{ id: string; starts_at: Date; ends_at: Date; children_count: boolean }>> {
    return this.m.query(
      `SELECT s.id, s.starts_at, s.ends_at, g.children_count_toward_capacity AS children_count
         FROM group_session s JOIN parent_group g ON g.id = s.group_id
        WHERE s.group_id = $1 AND s.status = 'planned' AND g.active AND g.registration_mode = 'open' AND g.kind = 'series' AND s.starts_at > $2
          AND (g.registration_closes_hours_before IS NULL OR s.starts_at - make_interval(hours => g.registration_closes_hours_before) > $2)
        ORDER BY s.starts_at`,
      [groupId, now],
    );
  }

  async familyByToken(tokenHash: Buffer, now: Date): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(
      `SELECT id, display_name, phone, email, locale, discreet, code, manage_token_enc, manage_expires_at FROM family WHERE manage_token_hash = $1 AND manage_expires_at > $2`,
      [tokenHash, now],
    );
    return row;
  }

  async family(id: string): Promise<FamilyRow | undefined> {
    const [row] = await this.m.query(`SELECT id, display_name, phone, email, locale, discreet, code, manage_token_enc, manage_expires_at FROM family WHERE id = $1`, [id]);
    return row;
  }

  async setFamilyLocale(id: string, locale: string): Promise<void> {
    await this.m.query(`UPDATE family SET locale = $2 WHERE id = $1`, [id, locale]);
  }

  registrationsOfFamily(familyId: string): Promise<RegistrationRow[]> {
    return this.m.query(`${REGISTRATION_SELECT} WHERE r.family_id = $1 ORDER BY s.starts_at, r.id`, [familyId]);
  }

  async registration(id: string, familyId?: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.m.query(`${REGISTRATION_SELECT} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.family_id = $2)`, [id, familyId ?? null]);
    return row;
  }

  registrationsByIds(ids: string[]): Promise<RegistrationRow[]> {
    return this.m.query(`${REGISTRATION_SELECT} WHERE r.id = ANY($1::uuid[]) ORDER BY s.starts_at, r.id`, [ids]);
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
