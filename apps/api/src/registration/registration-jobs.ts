import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, Interval } from '@nestjs/schedule';
import { DomainEventType, seatsNeeded, type SessionCancelledEvent } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { MessageKind } from '../messages/templates';
import { OutboxService } from '../messages/outbox.service';
import { PublicRateLimit } from './public-rate-limit';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';
import { RegistrationRepository } from './registration.repository';
import { RegistrationService } from './registration.service';
import { SeatBook } from './seat-book';

/**
 * Timed registration work. Each is safe on several API processes: lapsed offers are claimed
 * with SKIP LOCKED; reminders and cancellation notices are outbox rows with a unique dedupe key,
 * so a second process (or a second run) writes nothing new.
 */
@Injectable()
export class RegistrationJobs {
  private readonly logger = new Logger(RegistrationJobs.name);

  constructor(
    private readonly repo: RegistrationRepository,
    private readonly seats: SeatBook,
    private readonly registrations: RegistrationService,
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
    await this.limits.prune(new Date(this.clock.now().getTime() - 2 * 3_600_000));
  }

  /** An offer nobody took passes on: that family goes to the end of the waitlist, the next gets a chance. */
  async expireOffers(): Promise<number> {
    return this.transactions.run(async () => {
      const lapsed = await this.repo.lapsedOffers(this.clock.now(), 50);
      for (const id of lapsed) await this.registrations.notifyOffers(await this.seats.release(id, 'requeued'));
      return lapsed.length;
    });
  }

  /**
   * A series enrolment covers sessions planned later too (the horizon moves on): each new session
   * of the group gets the family's registration. The unique (family, session) key keeps it once.
   */
  async enrolIntoNewSessions(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async (m) => {
      const missing: Array<{
        enrolment_id: string;
        family_id: string;
        session_id: string;
        children_count: boolean;
        children_coming: number;
        needs: string[];
      }> = await m.query(
        `SELECT e.id AS enrolment_id, e.family_id, s.id AS session_id, g.children_count_toward_capacity AS children_count,
                coalesce(p.children_coming, 0) AS children_coming, coalesce(p.needs, '{}') AS needs
           FROM enrolment e
           JOIN parent_group g ON g.id = e.group_id AND g.active
           JOIN group_session s ON s.group_id = e.group_id AND s.status = 'planned' AND s.starts_at > $1
           LEFT JOIN LATERAL (SELECT children_coming, needs FROM registration x WHERE x.enrolment_id = e.id ORDER BY x.created_at LIMIT 1) p ON true
          WHERE e.cancelled_at IS NULL AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.family_id = e.family_id AND r.session_id = s.id)
          ORDER BY s.starts_at LIMIT 200`,
        [now],
      );
      let added = 0;
      for (const x of missing) {
        const seats = seatsNeeded(x.children_coming, x.children_count);
        const [row] = await m.query(
          `INSERT INTO registration (family_id, session_id, enrolment_id, status, seats, children_coming, needs, source, created_at, updated_at)
           VALUES ($1, $2, $3, 'waitlisted', $4, $5, $6, 'parent', $7, $7) ON CONFLICT (family_id, session_id) DO NOTHING RETURNING id`,
          [x.family_id, x.session_id, x.enrolment_id, seats, x.children_coming, x.needs, now],
        );
        if (!row) continue;
        await this.seats.place(row.id, x.session_id, seats);
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
    return this.transactions.run(async (m) => {
      const due: Array<{ id: string; family_id: string; key: string }> = await m.query(
        `SELECT r.id, r.family_id, k.key FROM registration r JOIN group_session s ON s.id = r.session_id
           CROSS JOIN LATERAL (SELECT 'reminder:' || r.id || CASE WHEN s.calendar_sequence > 0 THEN ':v' || s.calendar_sequence ELSE '' END AS key) k
          WHERE r.status = 'confirmed' AND s.status = 'planned' AND s.starts_at > $1 AND s.starts_at <= $1 + make_interval(hours => $2)
            AND s.announced_sequence = s.calendar_sequence
            AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key LIKE k.key || ':%')`,
        [now, this.settings.reminderHours],
      );
      let written = 0;
      for (const r of due) written += await this.message(r.id, r.family_id, MessageKind.Reminder, r.key);
      return written;
    });
  }

  /** Tells every registered or waiting family of a session that staff cancelled (from the planning event). */
  async announceCancellations(): Promise<number> {
    return this.transactions.run(async (m) => {
      const events: Array<{ payload: SessionCancelledEvent }> = await m.query(
        `SELECT payload FROM domain_event e WHERE type = $1
           AND EXISTS (SELECT 1 FROM registration r WHERE r.session_id = e.aggregate_id AND r.status IN ('confirmed', 'offered', 'waitlisted')
                        AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key LIKE 'session_cancelled:' || r.id || ':%'))
         ORDER BY id LIMIT 20`,
        [DomainEventType.SessionCancelled],
      );
      let sent = 0;
      for (const { payload } of events) {
        const regs: Array<{ id: string; family_id: string }> = await m.query(
          `SELECT id, family_id FROM registration WHERE session_id = $1 AND status IN ('confirmed', 'offered', 'waitlisted')`,
          [payload.sessionId],
        );
        for (const r of regs) {
          sent += await this.message(r.id, r.family_id, MessageKind.SessionCancelled, `session_cancelled:${r.id}`, payload.reason);
        }
      }
      return sent;
    });
  }

  /** @returns how many messages were new. */
  private async message(registrationId: string, familyId: string, kind: MessageKind, key: string, reason?: string): Promise<number> {
    const family = await this.repo.familyOrThrow(familyId);
    const reg = await this.repo.registrationOrThrow(registrationId);
    return this.outbox.toFamily(family, kind, key, { ...this.registrations.facts(family, reg), reason });
  }
}
