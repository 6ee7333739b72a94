import { Injectable } from '@nestjs/common';
import type { FlagCloseReason, FlagStatus, FlagTextField } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface AmendmentRow {
  id: string;
  flag_id: string;
  field: FlagTextField | 'general';
  text_enc: string | null;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export interface TransitionRow {
  id: string;
  flag_id: string;
  kind: 'status' | 'reconfirmed';
  from_status: FlagStatus;
  to_status: FlagStatus;
  rationale_enc: string | null;
  review_by: string | null;
  close_reason: FlagCloseReason | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
}

/** SQL of what happens to a flag after it is logged: amendments and transitions, both append-only. */
@Injectable()
export class FlagHistoryRepository {
  constructor(private readonly transactions: Transactions) {}

  async addAmendment(a: { id: string; flagId: string; field: string; textEnc: string; authorId: string; at: Date }): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO flag_amendment (id, flag_id, field, text_enc, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.id, a.flagId, a.field, a.textEnc, a.authorId, a.at],
    );
  }

  async addTransition(t: {
    id: string;
    flagId: string;
    kind: 'status' | 'reconfirmed';
    from: FlagStatus;
    to: FlagStatus;
    rationaleEnc: string | null;
    reviewBy: string | null;
    closeReason: FlagCloseReason | null;
    actorId: string | null;
    at: Date;
  }): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO flag_transition (id, flag_id, kind, from_status, to_status, rationale_enc, review_by, close_reason, actor_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [t.id, t.flagId, t.kind, t.from, t.to, t.rationaleEnc, t.reviewBy, t.closeReason, t.actorId, t.at],
    );
  }

  /** The amendments of these flags, oldest first. */
  async amendmentsOf(flagIds: string[]): Promise<AmendmentRow[]> {
    return this.transactions.manager.query(
      `SELECT m.id, m.flag_id, m.field, m.text_enc, m.author_id, u.display_name AS author_name, m.created_at
         FROM flag_amendment m JOIN staff_user u ON u.id = m.author_id
        WHERE m.flag_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
      [flagIds],
    );
  }

  /** The transitions of these flags, oldest first. */
  async transitionsOf(flagIds: string[]): Promise<TransitionRow[]> {
    return this.transactions.manager.query(
      `SELECT t.id, t.flag_id, t.kind, t.from_status, t.to_status, t.rationale_enc, to_char(t.review_by, 'YYYY-MM-DD') AS review_by,
              t.close_reason, t.actor_id, u.display_name AS actor_name, t.created_at
         FROM flag_transition t LEFT JOIN staff_user u ON u.id = t.actor_id
        WHERE t.flag_id = ANY($1::uuid[]) ORDER BY t.created_at, t.id`,
      [flagIds],
    );
  }

  /** Erases the text of a flag's amendments and transition rationales (expiry, retention); the rows stay. */
  async eraseTextOf(flagId: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE flag_amendment SET text_enc = NULL WHERE flag_id = $1 AND text_enc IS NOT NULL`, [
      flagId,
    ]);
    await this.transactions.manager.query(
      `UPDATE flag_transition SET rationale_enc = NULL WHERE flag_id = $1 AND rationale_enc IS NOT NULL`,
      [flagId],
    );
  }
}
