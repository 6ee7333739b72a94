import { Injectable } from '@nestjs/common';
import { ErrorCode, FREE_FAILURES_PER_ADDRESS, signInDelaySeconds } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';

/** Failures older than this no longer count: the streak starts again. */
const STREAK_RESET_MS = 60 * 60 * 1000;

/**
 * Growing waits after failed sign-ins and failed two-factor codes, per key (an account, an
 * address). The same for an account that does not exist, so the answer reveals nothing.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 (with Retry-After) while any of the keys must still wait. */
  async assertAllowed(keys: string[]): Promise<void> {
    const rows: Array<{ blocked_until: Date }> = await this.transactions.manager.query(
      `SELECT blocked_until FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > $2 ORDER BY blocked_until DESC LIMIT 1`,
      [keys, this.clock.now()],
    );
    if (rows.length > 0) {
      const seconds = (rows[0].blocked_until.getTime() - this.clock.now().getTime()) / 1000;
      throw new DomainError(ErrorCode.TooManyRequests, 'Too many attempts. Please wait a moment and try again.', undefined, seconds);
    }
  }

  async recordFailure(keys: string[]): Promise<void> {
    const now = this.clock.now();
    for (const key of [...new Set(keys)]) {
      const [row] = await this.transactions.manager.query(
        `INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.last_failure_at < $3 THEN 1 ELSE sign_in_throttle.failures + 1 END,
           last_failure_at = $2
         RETURNING failures`,
        [key, now, new Date(now.getTime() - STREAK_RESET_MS)],
      );
      const wait = signInDelaySeconds(row.failures, key.startsWith('ip:') ? FREE_FAILURES_PER_ADDRESS : 3);
      await this.transactions.manager.query(`UPDATE sign_in_throttle SET blocked_until = $2 WHERE key = $1`, [
        key,
        wait > 0 ? new Date(now.getTime() + wait * 1000) : null,
      ]);
    }
  }

  async clear(key: string): Promise<void> {
    await this.transactions.manager.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [key]);
  }
}
