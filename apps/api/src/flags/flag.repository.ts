import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type DiscussedWithParent,
  type FlagCategory,
  type FlagCloseReason,
  type FlagListQuery,
  type FlagStatus,
  type FlagUrgency,
  type LocalizedText,
} from '@kring/domain';
import { groupScopeSql, scopeParams, type GroupScope } from '../access/group-scope';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { FAMILY_NOT_FOUND, NO_FAMILY_IN_YOUR_GROUPS, NO_SESSION_IN_YOUR_GROUPS } from '../common/errors';

const FLAG_NOT_FOUND = 'We could not find that flag.';

/** A flag's row without its text: what lists show. */
export interface FlagRow {
  id: string;
  family_id: string;
  family_name: string;
  category: FlagCategory;
  urgency: FlagUrgency;
  status: FlagStatus;
  author_id: string;
  author_name: string;
  location_id: string | null;
  location_name: string | null;
  created_at: Date;
  review_by: string;
  close_reason: FlagCloseReason | null;
  erased_at: Date | null;
  last_reviewed_at: Date;
}

/** A flag's row with its sealed text and session. */
export interface SealedFlagRow extends FlagRow {
  fact_enc: string | null;
  interpretation_enc: string | null;
  strengths_enc: string | null;
  parent_words_enc: string | null;
  discussed_with_parent: DiscussedWithParent;
  not_discussed_reason_enc: string | null;
  session_id: string | null;
  session_starts_at: Date | null;
  session_group_title: LocalizedText | null;
}

export interface NewFlagRow {
  id: string;
  familyId: string;
  sessionId: string | null;
  locationId: string | null;
  authorId: string;
  category: FlagCategory;
  urgency: FlagUrgency;
  factEnc: string;
  interpretationEnc: string | null;
  strengthsEnc: string | null;
  parentWordsEnc: string | null;
  discussedWithParent: DiscussedWithParent;
  notDiscussedReasonEnc: string | null;
  reviewBy: string;
  at: Date;
}

const SUMMARY_COLUMNS = `f.id, f.family_id, fam.display_name AS family_name, f.category, f.urgency, f.status, f.author_id,
  a.display_name AS author_name, f.location_id, l.name AS location_name, f.created_at, to_char(f.review_by, 'YYYY-MM-DD') AS review_by,
  f.close_reason, f.erased_at, f.last_reviewed_at`;
const SUMMARY_FROM = `flag f JOIN family fam ON fam.id = f.family_id JOIN staff_user a ON a.id = f.author_id
  LEFT JOIN location l ON l.id = f.location_id`;
const SEALED_COLUMNS = `${SUMMARY_COLUMNS}, f.fact_enc, f.interpretation_enc, f.strengths_enc, f.parent_words_enc, f.discussed_with_parent,
  f.not_discussed_reason_enc, f.session_id, s.starts_at AS session_starts_at, g.title AS session_group_title`;
const SEALED_FROM = `${SUMMARY_FROM} LEFT JOIN group_session s ON s.id = f.session_id LEFT JOIN parent_group g ON g.id = s.group_id`;
const WAITING = `('open', 'in_triage', 'watchful_waiting')`;
const ORDER: Record<NonNullable<FlagListQuery['sort']>, string> = {
  urgency: `CASE f.urgency WHEN 'urgent' THEN 0 WHEN 'discuss' THEN 1 ELSE 2 END, f.created_at, f.id`,
  created: `f.created_at DESC, f.id`,
  review: `f.review_by, f.created_at, f.id`,
};

/** SQL of the flags themselves (amendments and transitions: `FlagHistoryRepository`). */
@Injectable()
export class FlagRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The family, if it is in one's groups (registered for or attended a session of one of them; coordinators: any), with the
   * place it was last seen in those groups.
   */
  async familyInScopeOrThrow(scope: GroupScope, familyId: string): Promise<{ id: string; locationId: string | null }> {
    const inGroup = (alias: string, table: string) =>
      `EXISTS (SELECT 1 FROM ${table} ${alias} JOIN group_session s ON s.id = ${alias}.session_id
                WHERE ${alias}.family_id = fam.id AND ${groupScopeSql('s.group_id', 1, 2)})`;
    const [row] = await this.transactions.manager.query(
      `SELECT fam.id,
              (SELECT s.location_id FROM group_session s
                WHERE ${groupScopeSql('s.group_id', 1, 2)}
                  AND (EXISTS (SELECT 1 FROM registration r WHERE r.session_id = s.id AND r.family_id = fam.id)
                       OR EXISTS (SELECT 1 FROM attendance x WHERE x.session_id = s.id AND x.family_id = fam.id))
                ORDER BY s.starts_at DESC LIMIT 1) AS location_id
         FROM family fam
        WHERE fam.id = $3 AND ($1::boolean OR ${inGroup('r', 'registration')} OR ${inGroup('x', 'attendance')})`,
      [...scopeParams(scope), familyId],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, NO_FAMILY_IN_YOUR_GROUPS);
    return { id: row.id, locationId: row.location_id };
  }

  /** A session of one's groups, with its place. */
  async sessionInScopeOrThrow(scope: GroupScope, sessionId: string): Promise<{ id: string; locationId: string }> {
    const [row] = await this.transactions.manager.query(
      `SELECT s.id, s.location_id FROM group_session s WHERE s.id = $3 AND ${groupScopeSql('s.group_id', 1, 2)}`,
      [...scopeParams(scope), sessionId],
    );
    if (!row)
      throw new DomainError(ErrorCode.NotFound, NO_SESSION_IN_YOUR_GROUPS, [
        { field: 'sessionId', code: 'invalid', message: 'This session is not one of your groups.' },
      ]);
    return { id: row.id, locationId: row.location_id };
  }

  async insert(f: NewFlagRow): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO flag (id, family_id, session_id, location_id, author_id, category, urgency, fact_enc, interpretation_enc, strengths_enc,
                         parent_words_enc, discussed_with_parent, not_discussed_reason_enc, status, review_by, last_reviewed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'open', $14, $15, $15)`,
      [
        f.id,
        f.familyId,
        f.sessionId,
        f.locationId,
        f.authorId,
        f.category,
        f.urgency,
        f.factEnc,
        f.interpretationEnc,
        f.strengthsEnc,
        f.parentWordsEnc,
        f.discussedWithParent,
        f.notDiscussedReasonEnc,
        f.reviewBy,
        f.at,
      ],
    );
  }

  /** The flags one wrote, newest first. */
  async byAuthor(authorId: string): Promise<FlagRow[]> {
    return this.transactions.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE f.author_id = $1 ORDER BY f.created_at DESC, f.id LIMIT 500`,
      [authorId],
    );
  }

  /** The coordinators' inbox: without a status, every flag not closed. */
  async inbox(query: FlagListQuery, today: string): Promise<FlagRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `f.status = ${p}`, query.status);
    else where.push(`f.status <> 'closed'`);
    if (query.urgency) add((p) => `f.urgency = ${p}`, query.urgency);
    if (query.category) add((p) => `f.category = ${p}`, query.category);
    if (query.locationId) add((p) => `f.location_id = ${p}`, query.locationId);
    if (query.familyId) add((p) => `f.family_id = ${p}`, query.familyId);
    if (query.due !== undefined) {
      add((p) => `(f.status IN ${WAITING} AND f.review_by < ${p}::date) = ${query.due ? 'true' : 'false'}`, today);
    }
    return this.transactions.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE ${where.join(' AND ')} ORDER BY ${ORDER[query.sort ?? 'urgency']} LIMIT 500`,
      params,
    );
  }

  /** A flag the asker may reach (its author; coordinators: any), without its text. */
  async summaryOrThrow(id: string, reach: { all: boolean; staffUserId: string }): Promise<FlagRow> {
    const [row] = await this.transactions.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE f.id = $1 AND ($2::boolean OR f.author_id = $3)`,
      [id, reach.all, reach.staffUserId],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, FLAG_NOT_FOUND);
    return row;
  }

  /** A flag the asker may reach (its author; coordinators: any), with its sealed text; `lock` for a change. */
  async sealedOrThrow(id: string, reach: { all: boolean; staffUserId: string }, lock = false): Promise<SealedFlagRow> {
    const [row] = await this.transactions.manager.query(
      `SELECT ${SEALED_COLUMNS} FROM ${SEALED_FROM} WHERE f.id = $1 AND ($2::boolean OR f.author_id = $3) ${lock ? 'FOR UPDATE OF f' : ''}`,
      [id, reach.all, reach.staffUserId],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, FLAG_NOT_FOUND);
    return row;
  }

  /** Every flag of a family, with sealed text, oldest first. */
  async sealedOfFamily(familyId: string): Promise<SealedFlagRow[]> {
    return this.transactions.manager.query(
      `SELECT ${SEALED_COLUMNS} FROM ${SEALED_FROM} WHERE f.family_id = $1 ORDER BY f.created_at, f.id`,
      [familyId],
    );
  }

  async familyNameOrThrow(familyId: string): Promise<{ id: string; displayName: string }> {
    const [row] = await this.transactions.manager.query(`SELECT id, display_name FROM family WHERE id = $1`, [familyId]);
    if (!row) throw new DomainError(ErrorCode.NotFound, FAMILY_NOT_FOUND);
    return { id: row.id, displayName: row.display_name };
  }

  /** A decision: a new status (maybe closed, with its reason), maybe a new review date; the expiry clock restarts. */
  async decide(
    id: string,
    change: { status: FlagStatus; reviewBy?: string; closeReason?: FlagCloseReason | null; at: Date },
  ): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE flag SET status = $2, review_by = coalesce($3::date, review_by), close_reason = $4, last_reviewed_at = $5 WHERE id = $1`,
      [id, change.status, change.reviewBy ?? null, change.closeReason ?? null, change.at],
    );
  }

  /** Remembers the language a staff member's screens are in, for the alerts Kring sends them. */
  async rememberLocale(staffUserId: string, locale: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE staff_user SET locale = $2 WHERE id = $1 AND locale IS DISTINCT FROM $2`, [
      staffUserId,
      locale,
    ]);
  }
}
