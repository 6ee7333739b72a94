import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** Staff members' private calendar links: only the token's hash is kept; a new link revokes the old. */
@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(staffUserId: string, tokenHash: Buffer, now: Date): Promise<void> {
    await this.transactions.manager.query(`INSERT INTO calendar_feed (staff_user_id, token_hash, created_at) VALUES ($1, $2, $3)`, [
      staffUserId,
      tokenHash,
      now,
    ]);
  }

  async revokeFor(staffUserId: string, now: Date): Promise<void> {
    await this.transactions.manager.query(`UPDATE calendar_feed SET revoked_at = $2 WHERE staff_user_id = $1 AND revoked_at IS NULL`, [
      staffUserId,
      now,
    ]);
  }

  /** Whose feed a live link is (its person active), or null. */
  async ownerOf(tokenHash: Buffer): Promise<string | null> {
    const [feed]: Array<{ staff_user_id: string }> = await this.transactions.manager.query(
      `SELECT f.staff_user_id FROM calendar_feed f JOIN staff_user u ON u.id = f.staff_user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.active`,
      [tokenHash],
    );
    return feed?.staff_user_id ?? null;
  }
}
