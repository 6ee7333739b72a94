import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditAction, monthsBefore, type RetentionSchedule, DAY_MS } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { Transactions } from '../database/transactions';
import { RetentionRepository } from './retention.repository';
import { RETENTION_SETTINGS } from './retention.settings';

/** Rows per transaction: small enough that no other request waits long on the embedded database. */
export const RETENTION_BATCH = 200;

export interface RetentionOutcome {
  families: number;
  messages: number;
  setPasswordLinks: number;
}

/**
 * Nightly, once across API processes (the job ledger claims the day): erases what the schedule says
 * is due, in batches of `RETENTION_BATCH`, each batch in its own transaction, so a long night never
 * holds a lock for long. What stays for the reports (`report_*` tables, attendance counts) is never
 * touched. Names on attendance have their own job (`AttendanceRetentionJob`), flags theirs (expiry).
 * A run that stops halfway leaves the rest due: the next night goes on.
 */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly transactions: Transactions,
    private readonly repo: RetentionRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(RETENTION_SETTINGS) private readonly schedule: RetentionSchedule,
  ) {}

  @Cron('30 4 * * *', { name: 'retention', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Retention failed; tomorrow goes on where it stopped');
    }
  }

  /** What was erased, or null when another process has this day's run. */
  async run(): Promise<RetentionOutcome | null> {
    const now = this.clock.now();
    const claim = await this.ledger.runOncePerPeriod('retention', now, DAY_MS, async () => true);
    if (!claim.ran) return null;
    const familyCutoff = monthsBefore(now, this.schedule.familyMonths);
    const messageCutoff = new Date(now.getTime() - this.schedule.outboxDays * DAY_MS);
    const outcome: RetentionOutcome = {
      families: await this.inBatches(async () =>
        this.repo.eraseFamilies(await this.repo.familiesLastSeenBefore(familyCutoff, RETENTION_BATCH), now),
      ),
      messages: await this.inBatches(() => this.repo.eraseSentMessagesBefore(messageCutoff, now, RETENTION_BATCH)),
      setPasswordLinks: await this.transactions.run(() => this.repo.deleteSpentSetPasswordLinks(now)),
    };
    await this.audit.record({ action: AuditAction.RetentionRun, actorId: null, details: { ...outcome } });
    this.logger.log(outcome, 'Retention done');
    return outcome;
  }

  /** Runs `batch` in its own transaction until it erases less than a full batch; the total. */
  private async inBatches(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.transactions.run(batch);
      total += done;
      if (done < RETENTION_BATCH) return total;
    }
  }
}
