import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';

const WINDOW_MS = 60 * 60 * 1000;
/** Registrations an hour: per address (a family centre's shared wifi is one address) and per contact. */
const LIMITS: Array<[prefix: string, max: number]> = [
  ['register:ip:', 30],
  ['register:contact:', 6],
];

/** Fixed one-hour windows per key, counted in the database so all API processes share them. */
@Injectable()
export class PublicRateLimit {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async take(keys: string[]): Promise<void> {
    const now = this.clock.now();
    const window = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
    // One statement for all keys; each counts, even when another is already over its limit.
    const rows = await this.transactions.prepared<{ key: string; hits: number }>(
      'public-rate-limit.take',
      `INSERT INTO rate_limit (key, window_start, hits) SELECT k, $2, 1 FROM unnest($1::text[]) k
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit.hits + 1 RETURNING key, hits`,
      [[...new Set(keys)].sort(), window], // sorted: two requests lock shared keys in one order
    );
    const over = rows.some(({ key, hits }) => hits > (LIMITS.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 30));
    if (over) {
      const retry = (window.getTime() + WINDOW_MS - now.getTime()) / 1000;
      throw new DomainError(
        ErrorCode.TooManyRequests,
        'Too many registrations from here for now. Try again later, or call us.',
        undefined,
        retry,
      );
    }
  }

  async prune(before: Date): Promise<void> {
    await this.transactions.manager.query(`DELETE FROM rate_limit WHERE window_start < $1`, [before]);
  }
}
