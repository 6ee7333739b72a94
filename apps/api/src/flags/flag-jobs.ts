import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditAction, FLAG_EXPIRY_MONTHS, flagDay, isFlagExpired, DAY_MS } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { FlagAlerts } from './flag-alerts';
import { FlagHistoryRepository } from './flag-history.repository';
import { FlagUpkeepRepository } from './flag-upkeep.repository';

const BATCH = 500;

/**
 * Daily, once across API processes (the job ledger): one content-free reminder for flags past their
 * review date, and expiry: a flag not re-confirmed within `FLAG_EXPIRY_MONTHS` of its last review is
 * closed as `expired` and its text erased (category, dates and status stay, for counts).
 */
@Injectable()
export class FlagJobs {
  private readonly logger = new Logger(FlagJobs.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly repo: FlagUpkeepRepository,
    private readonly history: FlagHistoryRepository,
    private readonly alerts: FlagAlerts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Cron('30 7 * * *', { name: 'flags-daily', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'The daily flag job failed; tomorrow retries');
    }
  }

  /** Both jobs; null for one another process ran this day already. */
  async run(): Promise<{ reminded: number | null; expired: number | null }> {
    return { expired: await this.expire(), reminded: await this.remindDue() };
  }

  /** @returns how many flags got a reminder, or null when this day's run happened elsewhere. */
  async remindDue(): Promise<number | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('flag-review-reminders', now, DAY_MS, async () => {
      const day = flagDay(now);
      let reminded = 0;
      // In batches; a person gets one reminder a day however many of their flags became due (the dedupe key holds the day).
      for (
        let due = await this.repo.dueUnreminded(day, BATCH);
        due.length > 0;
        due = due.length < BATCH ? [] : await this.repo.dueUnreminded(day, BATCH)
      ) {
        await this.alerts.reviewsDue(
          due.map((d) => d.author_id),
          day,
        );
        await this.repo.markReminded(due.map((d) => d.id));
        reminded += due.length;
      }
      return reminded;
    });
    return outcome.ran ? outcome.result : null;
  }

  /** @returns how many flags expired, or null when this day's run happened elsewhere. */
  async expire(): Promise<number | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('flag-expiry', now, DAY_MS, async () => {
      let expired = 0;
      for (let rows = await this.next(now); rows.length > 0; rows = rows.length < BATCH ? [] : await this.next(now)) {
        for (const row of rows) {
          // The SQL finds the candidates; the rule itself decides (libs/domain).
          if (!isFlagExpired(row.status, row.last_reviewed_at, now)) continue;
          await this.history.addTransition({
            id: randomUUID(),
            flagId: row.id,
            kind: 'status',
            from: row.status,
            to: 'closed',
            rationaleEnc: null,
            reviewBy: null,
            closeReason: 'expired',
            actorId: null,
            at: now,
          });
          await this.repo.expireAndErase(row.id, now);
          await this.history.eraseTextOf(row.id);
          await this.audit.record({
            action: AuditAction.FlagExpired,
            actorId: null,
            entity: 'flag',
            entityId: row.id,
            details: { from: row.status, to: 'closed', closeReason: 'expired', category: row.category },
          });
          expired += 1;
        }
      }
      return expired;
    });
    return outcome.ran ? outcome.result : null;
  }

  private next(now: Date) {
    return this.repo.expiring(flagDay(now), FLAG_EXPIRY_MONTHS, BATCH);
  }
}
