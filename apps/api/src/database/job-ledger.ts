import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from './transactions';

/**
 * Makes a timed job run once per period across every API process on one database.
 *
 * Each process's scheduler fires; each claims `(job, period start)` in `job_run` inside
 * the transaction that does the work. The primary key lets one claim win: a second
 * process waits on the first one's row until it commits, then finds the slot taken and
 * skips. If the work fails, its transaction rolls back the claim too, so the next tick
 * (on any process) tries again. We chose this over advisory locks because a lock only
 * excludes *concurrent* runs: a replica whose clock or event loop lags would still run
 * the same period again after the first finished. See docs/ARCHITECTURE.md.
 */
@Injectable()
export class JobLedger {
  constructor(private readonly transactions: Transactions) {}

  /** Runs `work` unless this period's run is done or under way elsewhere. */
  runOncePerPeriod<T>(job: string, now: Date, periodMs: number, work: (manager: EntityManager) => Promise<T>): Promise<JobOutcome<T>> {
    const slot = periodStart(now, periodMs);
    return this.transactions.run(async (manager) => {
      const claimed: unknown[] = await manager.query(
        'INSERT INTO job_run (job, slot) VALUES ($1, $2) ON CONFLICT (job, slot) DO NOTHING RETURNING job',
        [job, slot],
      );
      if (claimed.length === 0) return { ran: false } as const;
      return { ran: true, result: await work(manager) } as const;
    });
  }
}

export type JobOutcome<T> = { ran: false } | { ran: true; result: T };

/** The start of the period (counted from the Unix epoch, in UTC) that holds `now`. */
export function periodStart(now: Date, periodMs: number): Date {
  return new Date(Math.floor(now.getTime() / periodMs) * periodMs);
}
