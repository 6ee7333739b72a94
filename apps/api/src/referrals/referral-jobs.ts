import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { flagDay, DAY_MS } from '@kring/domain';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { Clock } from '../common/clock';
import { JobLedger } from '../database/job-ledger';
import { OutboxService, type PreparedMessage } from '../messages/outbox.service';
import { ReferralLinksRepository } from './referral-links.repository';
import { REFERRAL_LINKS, staffReferralMessage } from './referral-messages';
import { ReferralStepper } from './referral-stepper';
import { ReferralUpkeepRepository } from './referral-upkeep.repository';
import { ReferralRepository } from './referral.repository';

const BATCH = 500;

/**
 * Daily, once across API processes (the job ledger): a content-free reminder to the coordinator when a
 * referral's follow-up date has come, and to inform the parent by the date an approved exception set;
 * and a consent that ran out before the referral was sent pauses it (Kring withdraws it, the
 * coordinator gets a content-free alert through the step's effects).
 */
@Injectable()
export class ReferralJobs {
  private readonly logger = new Logger(ReferralJobs.name);

  constructor(
    private readonly ledger: JobLedger,
    private readonly repo: ReferralUpkeepRepository,
    private readonly links: ReferralLinksRepository,
    private readonly referrals: ReferralRepository,
    private readonly stepper: ReferralStepper,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Cron('40 7 * * *', { name: 'referrals-daily', timeZone: 'Europe/Brussels' })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'The daily referral job failed; tomorrow retries');
    }
  }

  /** @returns how many referrals got a reminder of each kind, or null when this day's run happened elsewhere. */
  async run(): Promise<{ followUps: number; informParent: number; consentsExpired: number } | null> {
    const now = this.clock.now();
    const outcome = await this.ledger.runOncePerPeriod('referral-reminders', now, DAY_MS, async () => {
      const day = flagDay(now);
      const link = `${this.settings.publicUrl}${REFERRAL_LINKS.board}`;
      const messages: PreparedMessage[] = [];
      const followUps = await this.repo.followUpsDue(day, BATCH);
      for (const r of followUps) {
        const to = await this.links.staffContact(r.coordinator_id);
        if (to) messages.push(staffReferralMessage('staff_referral_follow_up', to, link, `referral-follow-up:${r.id}:${r.follow_up_on}`));
      }
      const inform = await this.repo.informParentDue(day, BATCH);
      for (const e of inform) {
        for (const staffId of new Set([e.requested_by, e.coordinator_id])) {
          const to = await this.links.staffContact(staffId);
          if (to)
            messages.push(staffReferralMessage('staff_referral_inform_parent', to, link, `referral-inform-parent:${e.id}:${staffId}`));
        }
      }
      const expired = await this.repo.consentsExpired(day, BATCH);
      for (const id of expired) {
        const row = await this.referrals.rowOrThrow(id, true);
        const step = {
          to: 'withdrawn' as const,
          actor: { kind: 'system' as const },
          at: now.toISOString(),
          rationale: 'De toestemming liep af.',
        };
        await this.stepper.take(row, step, {}, now);
      }
      await this.outbox.write(messages);
      if (followUps.length) await this.repo.markFollowUpReminded(followUps.map((r) => r.id));
      if (inform.length)
        await this.repo.markInformReminded(
          inform.map((e) => e.id),
          day,
        );
      return { followUps: followUps.length, informParent: inform.length, consentsExpired: expired.length };
    });
    return outcome.ran ? outcome.result : null;
  }
}
