import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
import { seatsNeeded, HOUR_MS } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { MessageKind } from '../messages/templates';
import { OutboxService } from '../messages/outbox.service';
import { PublicRateLimit } from './public-rate-limit';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { RegistrationJobsRepository } from './registration-jobs.repository';
import { FamiliesRepository } from './families.repository';
import { RegistrationNotices } from './registration-notices';
import { RegistrationRepository } from './registration.repository';
import { SeatBook } from './seat-book';

/**
 * Timed registration work. Each is safe on several API processes: lapsed offers are claimed
 * with SKIP LOCKED; reminders and cancellation notices are outbox rows with a unique dedupe key,
 * so a second process (or a second run) writes nothing new.
 */
/** Rows per run of each job (the next minute takes the rest). */
const SERIES_BATCH = 200;
const CANCELLATION_BATCH = 20;

@Injectable()
export class RegistrationJobs {
  private readonly logger = new Logger(RegistrationJobs.name);

  constructor(
    private readonly repo: RegistrationRepository,
    private readonly families: FamiliesRepository,
    private readonly jobs: RegistrationJobsRepository,
    private readonly seats: SeatBook,
    private readonly notices: RegistrationNotices,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly limits: PublicRateLimit,
    private readonly clock: Clock,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  @Interval('registration-minutely', 60_000)
  async tick(): Promise<void> {
    for (const [name, job] of [
      ['offers', () => this.expireOffers()],
      ['reminders', () => this.sendReminders()],
      ['cancellations', () => this.announceCancellations()],
      ['enrolments', () => this.enrolIntoNewSessions()],
    ] as const) {
      try {
        await job();
      } catch (error) {
        this.logger.error({ job: name, err: { type: (error as Error).name } }, 'A registration job failed; the next minute retries');
      }
    }
  }

  @Cron('45 3 * * *', { name: 'rate-limit-prune', timeZone: 'Europe/Brussels' })
  async prune(): Promise<void> {
    await this.limits.prune(new Date(this.clock.now().getTime() - 2 * HOUR_MS));
  }

  /** An offer nobody took passes on: that family goes to the end of the waitlist, the next gets a chance. */
  async expireOffers(): Promise<number> {
    return this.transactions.run(async () => {
      const lapsed = await this.repo.lapsedOffers(this.clock.now(), 50);
      for (const id of lapsed) await this.notices.notifyOffers(await this.seats.release(id, 'requeued'));
      return lapsed.length;
    });
  }

  /**
   * A series enrolment covers sessions planned later too (the horizon moves on): each new session
   * of the group gets the family's registration. The unique (family, session) key keeps it once.
   */
  async enrolIntoNewSessions(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const missing = await this.jobs.missingSeriesRegistrations(now, SERIES_BATCH);
      let added = 0;
      for (const x of missing) {
        const seats = seatsNeeded(x.children_coming, x.children_count);
        const id = await this.jobs.insertSeriesRegistration(x, seats, now);
        if (!id) continue;
        await this.seats.place(id, x.session_id, seats);
        added += 1;
      }
      return added;
    });
  }

  /**
   * One reminder per confirmed registration, `reminderHours` before its session, and one again for
   * each later version of the session (its calendar sequence: a new time or place), once the family
   * has been told of that change. @returns messages written.
   */
  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const due = await this.jobs.dueReminders(now, this.settings.reminderHours);
      let written = 0;
      for (const r of due) written += await this.message(r.id, r.family_id, MessageKind.Reminder, r.key);
      return written;
    });
  }

  /** Tells every registered or waiting family of a session that staff cancelled (from the planning event). */
  async announceCancellations(): Promise<number> {
    return this.transactions.run(async () => {
      const events = await this.jobs.untoldCancellations(CANCELLATION_BATCH);
      let sent = 0;
      for (const payload of events) {
        for (const r of await this.jobs.liveRegistrations(payload.sessionId)) {
          sent += await this.message(r.id, r.family_id, MessageKind.SessionCancelled, `session_cancelled:${r.id}`, payload.reason);
        }
      }
      return sent;
    });
  }

  /** @returns how many messages were new. */
  private async message(registrationId: string, familyId: string, kind: MessageKind, key: string, reason?: string): Promise<number> {
    const family = await this.families.familyOrThrow(familyId);
    const reg = await this.repo.registrationOrThrow(registrationId);
    return this.outbox.toFamily(family, kind, key, { ...this.notices.facts(family, reg), reason });
  }
}
