import { Injectable } from '@nestjs/common';
import type { FlagCategory, FlagStatus } from '@kring/domain';
import { Transactions } from '../database/transactions';

const WAITING = `('open', 'in_triage', 'watchful_waiting')`;

/** SQL of the flags' timed upkeep (review reminders, expiry) and of who their alerts go to. */
@Injectable()
export class FlagUpkeepRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Waiting flags past their review date that had no reminder for that date yet, locked for this run. */
  async dueUnreminded(today: string, limit: number): Promise<Array<{ id: string; author_id: string; review_by: string }>> {
    return this.transactions.manager.query(
      `SELECT id, author_id, to_char(review_by, 'YYYY-MM-DD') AS review_by FROM flag
        WHERE status IN ${WAITING} AND review_by < $1::date AND review_reminded_for IS DISTINCT FROM review_by
        ORDER BY review_by, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
  }

  async markReminded(ids: string[]): Promise<void> {
    await this.transactions.manager.query(`UPDATE flag SET review_reminded_for = review_by WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Flags not closed whose last review (a Brussels day) is at least `months` before `today`. */
  async expiring(
    today: string,
    months: number,
    limit: number,
  ): Promise<Array<{ id: string; status: FlagStatus; last_reviewed_at: Date; category: FlagCategory }>> {
    return this.transactions.manager.query(
      `SELECT id, status, last_reviewed_at, category FROM flag
        WHERE status <> 'closed' AND (last_reviewed_at AT TIME ZONE 'Europe/Brussels')::date + make_interval(months => $2) <= $1::date
        ORDER BY last_reviewed_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [today, months, limit],
    );
  }

  /** Closes a flag as expired and erases its text (the category, dates and status stay, for counts). */
  async expireAndErase(id: string, at: Date): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE flag SET status = 'closed', close_reason = 'expired', erased_at = $2, fact_enc = NULL, interpretation_enc = NULL,
              strengths_enc = NULL, parent_words_enc = NULL, not_discussed_reason_enc = NULL WHERE id = $1`,
      [id, at],
    );
  }

  /** Active coordinators: who triages flags (there is no location scope for staff yet), with their language. */
  async coordinators(): Promise<Array<{ id: string; email: string; locale: string }>> {
    return this.transactions.manager.query(
      `SELECT id, email, locale FROM staff_user WHERE active AND 'coordinator' = ANY(roles) ORDER BY id`,
    );
  }

  async activeStaff(ids: string[]): Promise<Array<{ id: string; email: string; locale: string }>> {
    return this.transactions.manager.query(`SELECT id, email, locale FROM staff_user WHERE active AND id = ANY($1::uuid[]) ORDER BY id`, [
      ids,
    ]);
  }
}
