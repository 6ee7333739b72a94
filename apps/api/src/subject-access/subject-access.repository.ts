import { Injectable } from '@nestjs/common';
import { ErrorCode, type LocalizedText } from '@kring/domain';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';

export interface FamilyRow {
  id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  locale: string;
  discreet: boolean;
  code: string;
  created_at: Date;
}
export interface SessionRowBase {
  group_title: LocalizedText;
  starts_at: Date;
}
export interface RegistrationRow extends SessionRowBase {
  status: string;
  seats: number;
  children_coming: number;
  needs: string[];
  source: string;
  created_at: Date;
  updated_at: Date;
}
export interface AttendanceRow extends SessionRowBase {
  status: string;
  recorded_at: Date;
}
export interface MessageRow {
  kind: string;
  channel: string;
  locale: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
  subject: string | null;
  body: string;
  erased_at: Date | null;
}
export interface ReferralRow {
  id: string;
  service: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
  sent_channel: string | null;
  outcome: string | null;
  follow_up_on: string | null;
}
export interface ReferralStepRow {
  referral_id: string;
  from_status: string | null;
  to_status: string;
  actor_kind: string;
  at: Date;
}
export interface ReferralConsentRow {
  referral_id: string;
  fields: string[];
  method: string;
  given_at: Date;
  valid_until: string;
  withdrawn_at: Date | null;
}
export interface RequestRow {
  id: string;
  family_id: string;
  family_name: string;
  requested_at: Date;
  due_at: Date;
  done_at: Date | null;
}

/**
 * The SQL of subject access: one family's rows from every table that holds them, always by that
 * family's id. Flag text is not read here (the flags' own reading opens it); referrals give only
 * their columns without text.
 */
@Injectable()
export class SubjectAccessRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async familyOrThrow(id: string): Promise<FamilyRow> {
    const [row] = await this.m.query(
      `SELECT id, display_name, phone, email, locale, discreet, code, created_at FROM family WHERE id = $1`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, 'There is no such family.');
    return row as FamilyRow;
  }

  async childrenOf(familyId: string): Promise<Array<{ month: string }>> {
    return this.m.query(`SELECT to_char(month, 'YYYY-MM') AS month FROM family_child WHERE family_id = $1 ORDER BY month`, [familyId]);
  }

  async consentsOf(
    familyId: string,
  ): Promise<Array<{ purpose: string; notice_version: string; locale: string; given_at: Date; method: string }>> {
    return this.m.query(
      `SELECT purpose, notice_version, locale, given_at, method FROM consent WHERE family_id = $1 ORDER BY given_at, id`,
      [familyId],
    );
  }

  async enrolmentsOf(familyId: string): Promise<Array<{ group_title: LocalizedText; created_at: Date; cancelled_at: Date | null }>> {
    return this.m.query(
      `SELECT g.title AS group_title, e.created_at, e.cancelled_at
         FROM enrolment e JOIN parent_group g ON g.id = e.group_id
        WHERE e.family_id = $1 ORDER BY e.created_at, e.id`,
      [familyId],
    );
  }

  async registrationsOf(familyId: string): Promise<RegistrationRow[]> {
    return this.m.query(
      `SELECT g.title AS group_title, s.starts_at, r.status, r.seats, r.children_coming, r.needs, r.source, r.created_at, r.updated_at
         FROM registration r JOIN group_session s ON s.id = r.session_id JOIN parent_group g ON g.id = s.group_id
        WHERE r.family_id = $1 ORDER BY s.starts_at, r.id`,
      [familyId],
    );
  }

  async attendanceOf(familyId: string): Promise<AttendanceRow[]> {
    return this.m.query(
      `SELECT g.title AS group_title, s.starts_at, a.status, a.recorded_at
         FROM attendance a JOIN group_session s ON s.id = a.session_id JOIN parent_group g ON g.id = s.group_id
        WHERE a.family_id = $1 ORDER BY s.starts_at, a.id`,
      [familyId],
    );
  }

  async messagesOf(familyId: string): Promise<MessageRow[]> {
    return this.m.query(
      `SELECT kind, channel, locale, status, created_at, sent_at, subject, body, erased_at
         FROM outbox_message WHERE family_id = $1 ORDER BY created_at, id`,
      [familyId],
    );
  }

  async referralsOf(familyId: string): Promise<ReferralRow[]> {
    return this.m.query(
      `SELECT r.id, s.name AS service, r.status, r.created_at, r.sent_at, r.sent_channel, r.outcome,
              to_char(r.follow_up_on, 'YYYY-MM-DD') AS follow_up_on
         FROM referral r JOIN referral_service s ON s.id = r.service_id
        WHERE r.family_id = $1 ORDER BY r.created_at, r.id`,
      [familyId],
    );
  }

  async referralStepsOf(referralIds: string[]): Promise<ReferralStepRow[]> {
    if (referralIds.length === 0) return [];
    return this.m.query(
      `SELECT referral_id, from_status, to_status, actor_kind, at FROM referral_transition
        WHERE referral_id = ANY($1::uuid[]) ORDER BY at, id`,
      [referralIds],
    );
  }

  async referralConsentsOf(referralIds: string[]): Promise<ReferralConsentRow[]> {
    if (referralIds.length === 0) return [];
    return this.m.query(
      `SELECT referral_id, fields, method, given_at, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, withdrawn_at
         FROM referral_consent WHERE referral_id = ANY($1::uuid[]) ORDER BY given_at, id`,
      [referralIds],
    );
  }

  async referralLinkOpensOf(referralIds: string[]): Promise<Array<{ referral_id: string; purpose: string; opened_at: Date }>> {
    if (referralIds.length === 0) return [];
    return this.m.query(
      `SELECT l.referral_id, l.purpose, o.opened_at FROM referral_link_open o JOIN referral_link l ON l.id = o.link_id
        WHERE l.referral_id = ANY($1::uuid[]) ORDER BY o.opened_at, o.id`,
      [referralIds],
    );
  }

  async holdsOf(familyId: string): Promise<Array<{ reason: string; set_at: Date; lifted_at: Date | null }>> {
    return this.m.query(`SELECT reason, set_at, lifted_at FROM legal_hold WHERE family_id = $1 ORDER BY set_at, id`, [familyId]);
  }

  /** Reads of the family's records (the family itself, its flags, its referrals): when, what and why; not who. */
  async readsOf(familyId: string): Promise<Array<{ occurred_at: Date; entity: string; purpose: string | null }>> {
    return this.m.query(
      `SELECT a.occurred_at, a.entity, a.purpose FROM audit_event a
        WHERE a.action = 'record.read'
          AND ((a.entity = 'family' AND a.entity_id = $1::text)
            OR (a.entity = 'flag' AND a.entity_id IN (SELECT id::text FROM flag WHERE family_id = $1::uuid))
            OR (a.entity IN ('referral', 'referral_packet') AND a.entity_id IN (SELECT id::text FROM referral WHERE family_id = $1::uuid)))
        ORDER BY a.occurred_at, a.id`,
      [familyId],
    );
  }

  async insertRequest(familyId: string, by: string, requestedAt: Date, dueAt: Date): Promise<string> {
    const [row] = await this.m.query(
      `INSERT INTO subject_access_request (family_id, requested_at, due_at, requested_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [familyId, requestedAt, dueAt, by],
    );
    return (row as { id: string }).id;
  }

  async requestOrThrow(id: string): Promise<RequestRow> {
    const [row] = await this.m.query(
      `SELECT q.id, q.family_id, f.display_name AS family_name, q.requested_at, q.due_at, q.done_at
         FROM subject_access_request q JOIN family f ON f.id = q.family_id WHERE q.id = $1`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, 'There is no such request.');
    return row as RequestRow;
  }

  /** Open requests, the first due first. */
  async openRequests(): Promise<RequestRow[]> {
    return this.m.query(
      `SELECT q.id, q.family_id, f.display_name AS family_name, q.requested_at, q.due_at, q.done_at
         FROM subject_access_request q JOIN family f ON f.id = q.family_id
        WHERE q.done_at IS NULL ORDER BY q.due_at, q.id`,
    );
  }

  /** Marks the family's open requests answered; returns how many. */
  async markDone(familyId: string, at: Date): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `WITH done AS (UPDATE subject_access_request SET done_at = $2 WHERE family_id = $1 AND done_at IS NULL RETURNING id)
       SELECT id FROM done`,
      [familyId, at],
    );
    return rows.length;
  }
}
