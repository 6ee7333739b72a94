import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** SQL of the daily referral jobs: follow-up reminders and reminders to inform the parent after an exception. */
@Injectable()
export class ReferralUpkeepRepository {
  constructor(private readonly transactions: Transactions) {}

  private get q() {
    return this.transactions.manager;
  }

  /** Referrals out with the service whose follow-up date has come and that have not been reminded for that date. */
  async followUpsDue(today: string, limit: number): Promise<Array<{ id: string; coordinator_id: string; follow_up_on: string }>> {
    return this.q.query(
      `SELECT id, coordinator_id, to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on FROM referral
        WHERE status IN ('sent', 'accepted', 'follow_up') AND follow_up_on <= $1::date AND follow_up_reminded_for IS DISTINCT FROM follow_up_on
          AND erased_at IS NULL
        ORDER BY follow_up_on, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
  }

  async markFollowUpReminded(ids: string[]): Promise<void> {
    await this.q.query(`UPDATE referral SET follow_up_reminded_for = follow_up_on WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Approved exceptions whose date to inform the parent has come, the parent not yet told and no reminder sent. */
  async informParentDue(
    today: string,
    limit: number,
  ): Promise<Array<{ id: string; referral_id: string; requested_by: string; coordinator_id: string }>> {
    return this.q.query(
      `SELECT e.id, e.referral_id, e.requested_by, r.coordinator_id FROM referral_exception e JOIN referral r ON r.id = e.referral_id
        WHERE e.approved AND e.inform_parent AND e.inform_by <= $1::date AND e.parent_informed_at IS NULL AND e.inform_reminded_for IS NULL
        ORDER BY e.inform_by, e.id LIMIT $2 FOR UPDATE OF e SKIP LOCKED`,
      [today, limit],
    );
  }

  async markInformReminded(ids: string[], today: string): Promise<void> {
    await this.q.query(`UPDATE referral_exception SET inform_reminded_for = $2::date WHERE id = ANY($1::uuid[])`, [ids, today]);
  }

  /** Consented referrals, not yet sent, whose consent ran out before today: Kring pauses them. */
  async consentsExpired(today: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.q.query(
      `SELECT r.id FROM referral r JOIN referral_consent k ON k.id = r.consent_id
        WHERE r.status = 'consented' AND k.valid_until < $1::date AND k.withdrawn_at IS NULL AND r.erased_at IS NULL
        ORDER BY k.valid_until, r.id LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [today, limit],
    );
    return rows.map((r) => r.id);
  }
}
