import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** The SQL of sign-in throttling: failures and waits per key (an account, an address). */
@Injectable()
export class SignInThrottleRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** The latest moment any of the keys must wait until, if one still must at `now`. */
  async blockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const rows: Array<{ blocked_until: Date }> = await this.m.query(
      `SELECT blocked_until FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > $2 ORDER BY blocked_until DESC LIMIT 1`,
      [keys, now],
    );
    return rows[0]?.blocked_until ?? null;
  }

  /** Counts a failure for the key (a streak older than `streakStartsAfter` starts again); the failures in the streak. */
  async countFailure(key: string, now: Date, streakStartsAfter: Date): Promise<number> {
    const [row]: Array<{ failures: number }> = await this.m.query(
      `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN sign_in_throttle.last_failure_at < $3 THEN 1 ELSE sign_in_throttle.failures + 1 END,
         last_failure_at = $2
       RETURNING failures`,
      [key, now, streakStartsAfter],
    );
    return row.failures;
  }

  async blockUntil(key: string, until: Date | null): Promise<void> {
    await this.m.query(`UPDATE sign_in_throttle SET blocked_until = $2 WHERE key = $1`, [key, until]);
  }

  async clear(key: string): Promise<void> {
    await this.m.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [key]);
  }
}
