import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, MINUTE_MS } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';

/** The window slides: what counts is the last hour, in one-minute buckets. */
const WINDOW_MS = 60 * MINUTE_MS;
const BUCKET_MS = MINUTE_MS;
/**
 * Registrations in the last hour. Per contact, what stops abuse (a parent registers a few
 * groups; a script trying numbers is stopped). Per address, loose: at an information evening
 * forty or more families register together on a Huis van het Kind's wifi, behind one address.
 */
const LIMITS: Array<[prefix: string, max: number]> = [
  ['register:ip:', 120],
  ['register:contact:', 6],
];

function limitOf(key: string): number {
  return LIMITS.find(([prefix]) => key.startsWith(prefix))?.[1] ?? 6;
}

/** A sliding one-hour window per key, counted in the database (per minute) so all API processes share it. */
@Injectable()
export class PublicRateLimit {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async take(keys: string[]): Promise<void> {
    const now = this.clock.now();
    const bucket = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
    const since = new Date(now.getTime() - WINDOW_MS);
    // One statement for all keys; each counts, even when another is already over its limit. The
    // outer SELECT sees the buckets before this one as they were (the INSERT's snapshot), so it
    // adds this bucket's new count to the earlier ones of the hour.
    const rows = await this.transactions.prepared<{ key: string; hits: number }>(
      'public-rate-limit.take',
      `WITH hit AS (
         INSERT INTO rate_limit (key, window_start, hits) SELECT k, $2, 1 FROM unnest($1::text[]) k
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit.hits + 1 RETURNING key, hits)
       SELECT h.key, h.hits + coalesce(sum(r.hits), 0)::int AS hits
         FROM hit h LEFT JOIN rate_limit r ON r.key = h.key AND r.window_start > $3 AND r.window_start < $2
        GROUP BY h.key, h.hits`,
      [[...new Set(keys)].sort(), bucket, since], // sorted: two requests lock shared keys in one order
    );
    const over = rows.filter(({ key, hits }) => hits > limitOf(key));
    if (over.length > 0) {
      const free = Math.max(...(await Promise.all(over.map((r) => this.freeAt(r.key, r.hits, since)))));
      const retry = Math.max(60, (free - now.getTime()) / 1000);
      const minutes = Math.ceil(retry / 60);
      throw new DomainError(
        ErrorCode.TooManyRequests,
        `Many registrations came from here in the last hour. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
          `or ask someone at ${this.settings.centre.name} or the Huis van het Kind: staff can register you straight away, also by phone.`,
        undefined,
        retry,
      );
    }
  }

  /**
   * When the next try of `key` gets through: once enough of the hour's earliest tries (refused ones
   * count too) have left the window. Only asked when a limit is reached.
   */
  private async freeAt(key: string, hits: number, since: Date): Promise<number> {
    const buckets: Array<{ window_start: Date; hits: number }> = await this.transactions.manager.query(
      `SELECT window_start, hits FROM rate_limit WHERE key = $1 AND window_start > $2 ORDER BY window_start`,
      [key, since],
    );
    let left = hits;
    for (const b of buckets) {
      left -= b.hits;
      if (left <= limitOf(key) - 1) return new Date(b.window_start).getTime() + WINDOW_MS;
    }
    return since.getTime() + 2 * WINDOW_MS;
  }

  async prune(before: Date): Promise<void> {
    await this.transactions.manager.query(`DELETE FROM rate_limit WHERE window_start < $1`, [before]);
  }
}
