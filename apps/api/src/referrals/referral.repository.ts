import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type ConsentField,
  type ConsentMethod,
  type LegalBasis,
  type ReferralListQuery,
  type ReferralStatus,
} from '@kring/domain';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { ConsentRow, ExceptionRow, ReferralRow, TimelineRow } from './referral-rows';

export type { ConsentRow, ExceptionRow, ReferralRow, TimelineRow } from './referral-rows';

const COLUMNS = `r.id, r.family_id, fam.display_name AS family_name, r.coordinator_id, c.display_name AS coordinator_name, r.service_id,
  s.name AS service_name, s.kind AS service_kind, r.status, r.reason_enc, r.family_hopes_enc, to_char(r.follow_up_on, 'YYYY-MM-DD') AS follow_up_on,
  r.consent_id, r.exception_id, r.approved_packet_hash, r.approved_at, r.approved_by, r.sent_packet_hash, r.sent_packet_enc, r.sent_at,
  r.sent_channel, r.outcome, r.outcome_note_enc, r.created_at, r.updated_at,
  coalesce((SELECT array_agg(rf.flag_id::text ORDER BY rf.flag_id) FROM referral_flag rf WHERE rf.referral_id = r.id), '{}') AS flag_ids`;
const FROM = `referral r JOIN family fam ON fam.id = r.family_id JOIN staff_user c ON c.id = r.coordinator_id
  JOIN referral_service s ON s.id = r.service_id`;

/** SQL of referrals, their flags, consents, exceptions and timeline. */
@Injectable()
export class ReferralRepository {
  constructor(private readonly transactions: Transactions) {}

  private get q() {
    return this.transactions.manager;
  }

  async insert(r: {
    id: string;
    familyId: string;
    coordinatorId: string;
    serviceId: string;
    reasonEnc: string;
    hopesEnc: string | null;
    followUpOn: string | null;
    at: Date;
  }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral (id, family_id, coordinator_id, service_id, status, reason_enc, family_hopes_enc, follow_up_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $8)`,
      [r.id, r.familyId, r.coordinatorId, r.serviceId, r.reasonEnc, r.hopesEnc, r.followUpOn, r.at],
    );
  }

  async linkFlags(referralId: string, flagIds: string[]): Promise<void> {
    if (flagIds.length === 0) return;
    await this.q.query(`INSERT INTO referral_flag (referral_id, flag_id) SELECT $1, unnest($2::uuid[])`, [referralId, flagIds]);
  }

  /** The flags among `flagIds` that belong to the family and are not closed, locked for the change. */
  async openFlagsOfFamily(familyId: string, flagIds: string[]): Promise<Array<{ id: string; status: string }>> {
    return this.q.query(`SELECT id, status FROM flag WHERE family_id = $1 AND id = ANY($2::uuid[]) AND status <> 'closed' FOR UPDATE`, [
      familyId,
      flagIds,
    ]);
  }

  async familyExists(familyId: string): Promise<boolean> {
    const rows = await this.q.query(`SELECT 1 FROM family WHERE id = $1`, [familyId]);
    return rows.length > 0;
  }

  async activeServiceOrThrow(serviceId: string): Promise<{ id: string; name: string; email: string | null }> {
    const [row] = await this.q.query(`SELECT id, name, email FROM referral_service WHERE id = $1 AND active`, [serviceId]);
    if (!row)
      throw new DomainError(ErrorCode.ValidationFailed, 'Choose an active service from the directory.', [
        { field: 'serviceId', code: 'invalid', message: 'Choose an active service from the directory.' },
      ]);
    return row;
  }

  async list(query: ReferralListQuery & { familyId?: string }, today: string): Promise<ReferralRow[]> {
    const where: string[] = ['r.erased_at IS NULL'];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    if (query.familyId) {
      params.push(query.familyId);
      where.push(`r.family_id = $${params.length}`);
    }
    if (query.exception) where.push(`r.exception_id IS NOT NULL`);
    if (query.due) {
      params.push(today);
      where.push(`r.follow_up_on <= $${params.length}::date AND r.status IN ('sent', 'accepted', 'follow_up')`);
    }
    return this.q.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY r.updated_at DESC, r.id LIMIT 500`, params);
  }

  async rowOrThrow(id: string, lock = false): Promise<ReferralRow> {
    const [row] = await this.q.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1 AND r.erased_at IS NULL ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, 'We could not find that referral.');
    return row;
  }

  async consentOf(consentId: string | null): Promise<ConsentRow | null> {
    if (!consentId) return null;
    const [row] = await this.q.query(
      `SELECT k.id, k.service_id, k.fields, k.method, k.language, k.explainer, k.given_at, to_char(k.valid_until, 'YYYY-MM-DD') AS valid_until,
              k.recorded_by, u.display_name AS recorded_by_name, k.withdrawn_at
         FROM referral_consent k JOIN staff_user u ON u.id = k.recorded_by WHERE k.id = $1`,
      [consentId],
    );
    return row ?? null;
  }

  async exceptionOf(exceptionId: string | null): Promise<ExceptionRow | null> {
    if (!exceptionId) return null;
    const [row] = await this.q.query(
      `SELECT e.id, e.legal_basis, e.justification_enc, e.inform_parent, to_char(e.inform_by, 'YYYY-MM-DD') AS inform_by, e.not_informing_reason_enc,
              e.fields, e.requested_by, q.display_name AS requested_by_name, e.requested_at, e.approved, e.decided_by,
              d.display_name AS decided_by_name, e.decided_at, e.decision_reason_enc, e.parent_informed_at
         FROM referral_exception e JOIN staff_user q ON q.id = e.requested_by LEFT JOIN staff_user d ON d.id = e.decided_by WHERE e.id = $1`,
      [exceptionId],
    );
    return row ?? null;
  }

  async insertConsent(k: {
    id: string;
    referralId: string;
    serviceId: string;
    fields: ConsentField[];
    method: ConsentMethod;
    language: string;
    explainer: string;
    givenAt: Date;
    validUntil: string;
    recordedBy: string;
  }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral_consent (id, referral_id, service_id, fields, method, language, explainer, given_at, valid_until, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [k.id, k.referralId, k.serviceId, k.fields, k.method, k.language, k.explainer, k.givenAt, k.validUntil, k.recordedBy],
    );
  }

  async insertException(e: {
    id: string;
    referralId: string;
    legalBasis: LegalBasis;
    justificationEnc: string;
    informParent: boolean;
    informBy: string | null;
    notInformingReasonEnc: string | null;
    fields: ConsentField[];
    requestedBy: string;
    requestedAt: Date;
  }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral_exception (id, referral_id, legal_basis, justification_enc, inform_parent, inform_by, not_informing_reason_enc, fields,
                                       requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.id,
        e.referralId,
        e.legalBasis,
        e.justificationEnc,
        e.informParent,
        e.informBy,
        e.notInformingReasonEnc,
        e.fields,
        e.requestedBy,
        e.requestedAt,
      ],
    );
  }

  async decideException(id: string, d: { approved: boolean; by: string; at: Date; reasonEnc: string }): Promise<void> {
    await this.q.query(
      `UPDATE referral_exception SET approved = $2, decided_by = $3, decided_at = $4, decision_reason_enc = $5 WHERE id = $1`,
      [id, d.approved, d.by, d.at, d.reasonEnc],
    );
  }

  /** The exceptions asked for, newest first: the coordinators' review list. */
  async exceptionsForReview(): Promise<ReferralRow[]> {
    return this.q.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.exception_id IS NOT NULL AND r.erased_at IS NULL ORDER BY r.created_at DESC LIMIT 500`,
    );
  }

  async markParentInformed(exceptionId: string, at: Date): Promise<void> {
    await this.q.query(`UPDATE referral_exception SET parent_informed_at = $2 WHERE id = $1 AND parent_informed_at IS NULL`, [
      exceptionId,
      at,
    ]);
  }

  async withdrawConsent(consentId: string, by: 'parent' | 'coordinator' | 'system', at: Date): Promise<void> {
    await this.q.query(`UPDATE referral_consent SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_at IS NULL`, [
      consentId,
      at,
      by,
    ]);
  }

  async addTimeline(t: {
    id: string;
    referralId: string;
    from: ReferralStatus | null;
    to: ReferralStatus;
    actorKind: string;
    actorId: string | null;
    rationaleEnc: string | null;
    at: Date;
  }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral_transition (id, referral_id, from_status, to_status, actor_kind, actor_id, rationale_enc, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [t.id, t.referralId, t.from, t.to, t.actorKind, t.actorId, t.rationaleEnc, t.at],
    );
  }

  async timelineOf(referralId: string): Promise<TimelineRow[]> {
    return this.q.query(
      `SELECT t.id, t.from_status, t.to_status, t.actor_kind, t.actor_id, u.display_name AS actor_name, t.rationale_enc, t.at
         FROM referral_transition t LEFT JOIN staff_user u ON u.id = t.actor_id WHERE t.referral_id = $1 ORDER BY t.at, t.id`,
      [referralId],
    );
  }

  /**
   * A new status and what goes with it, in one statement (the trigger checks it). `patch` keys are
   * column names of this file's own choosing, never from a request.
   */
  async move(id: string, status: ReferralStatus, at: Date, patch: Partial<Record<MovableColumn, unknown>> = {}): Promise<void> {
    const entries = Object.entries(patch);
    const sets = entries.map(([column], i) => `${column} = $${i + 4}`);
    await this.q.query(`UPDATE referral SET status = $2, updated_at = $3${sets.map((s) => `, ${s}`).join('')} WHERE id = $1`, [
      id,
      status,
      at,
      ...entries.map(([, v]) => v),
    ]);
  }

  /** Columns that change without a new status (approval, a dropped approval). */
  async patch(id: string, at: Date, patch: Partial<Record<MovableColumn, unknown>>): Promise<void> {
    const entries = Object.entries(patch);
    await this.q.query(`UPDATE referral SET updated_at = $2${entries.map(([c], i) => `, ${c} = $${i + 3}`).join('')} WHERE id = $1`, [
      id,
      at,
      ...entries.map(([, v]) => v),
    ]);
  }
}

export type MovableColumn =
  | 'consent_id'
  | 'exception_id'
  | 'approved_packet_hash'
  | 'approved_at'
  | 'approved_by'
  | 'sent_packet_hash'
  | 'sent_packet_enc'
  | 'sent_at'
  | 'sent_channel'
  | 'outcome'
  | 'outcome_note_enc'
  | 'follow_up_reminded_for';
