import { Injectable, Logger } from '@nestjs/common';
import { DAY_MS } from '@kring/domain';
import { Cron } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { JobLedger } from './job-ledger';

/** How long the job ledger remembers a run. */
export const JOB_RUN_RETENTION_DAYS = 90;

/** Nightly tidy-up of Kring's own bookkeeping; runs once a day across all processes. */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger(HousekeepingJob.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly clock: Clock,
  ) {}

  @Cron('15 3 * * *', { name: 'housekeeping', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Housekeeping failed; the next run retries');
    }
  }

  /** @returns how many ledger rows were removed, or null when another process already ran today. */
  async run(): Promise<number | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('housekeeping', now, DAY_MS, async (manager) => {
      const cutoff = new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * DAY_MS);
      // A CTE, because TypeORM answers a bare DELETE … RETURNING with [rows, count].
      const rows: unknown[] = await manager.query('WITH gone AS (DELETE FROM job_run WHERE slot < $1 RETURNING job) SELECT job FROM gone', [
        cutoff,
      ]);
      return rows.length;
    });
    if (!outcome.ran) return null;
    this.logger.log({ removed: outcome.result }, 'Housekeeping done');
    return outcome.result;
  }
}
