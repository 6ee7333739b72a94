import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DomainEventType, SESSION_CHANGE_SETTLE_MINUTES, type SessionCancelledEvent, type SessionChangedEvent } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { FamilyNotices } from './family-notices';
import { PlanningRepository } from './planning.repository';
import { SessionChangesRepository } from './session-changes.repository';

/** When and where a session is: what its families must hear of when it changes. */
export interface SessionPlace {
  id: string;
  group_id: string;
  starts_at: Date;
  ends_at: Date;
  location_id: string;
  room_id: string | null;
}

/**
 * What the families of a session hear of when planning changes it: a new time or place (told once
 * the changes settle, one message with the final state and a calendar update), a cancellation (the
 * `session.cancelled` event), and seats a higher capacity frees (offered to the waitlist at once).
 */
@Injectable()
export class SessionChanges {
  private readonly logger = new Logger(SessionChanges.name);

  constructor(
    private readonly repo: SessionChangesRepository,
    private readonly planning: PlanningRepository,
    private readonly notices: FamilyNotices,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a change of time or place (nothing when neither changed): the calendar sequence goes
   * up and, unless `quiet` (a correction after the fact), a `session.changed` event waits to be told.
   * Another room in the same place is no news for families (their messages and .ics name the place,
   * not the room): only the staff's calendars see a new version.
   */
  async moved(before: SessionPlace, after: Omit<SessionPlace, 'id' | 'group_id'>, quiet = false): Promise<void> {
    const sameForFamilies =
      before.starts_at.getTime() === after.starts_at.getTime() &&
      before.ends_at.getTime() === after.ends_at.getTime() &&
      before.location_id === after.location_id;
    if (sameForFamilies && before.room_id === after.room_id) return;
    if (quiet || sameForFamilies) return this.repo.bumpSequenceQuietly(before.id);
    const event: SessionChangedEvent = {
      sessionId: before.id,
      groupId: before.group_id,
      sequence: await this.repo.bumpSequence(before.id),
      before: {
        startsAt: before.starts_at.toISOString(),
        endsAt: before.ends_at.toISOString(),
        locationId: before.location_id,
        roomId: before.room_id,
      },
    };
    await this.planning.recordEvent(DomainEventType.SessionChanged, before.id, event, this.clock.now());
  }

  /** Cancels a session and records the event its families will be told of (`told`: the reason they read). */
  async cancel(session: Pick<SessionPlace, 'id' | 'group_id' | 'starts_at'>, reason: string, told = reason): Promise<void> {
    await this.planning.cancelSession(session.id, reason);
    const event: SessionCancelledEvent = {
      sessionId: session.id,
      groupId: session.group_id,
      startsAt: session.starts_at.toISOString(),
      reason: told,
    };
    await this.planning.recordEvent(DomainEventType.SessionCancelled, session.id, event, this.clock.now());
  }

  /** Seats a higher capacity freed go to the waiting families, in order, in this transaction. */
  offerFreedSeats(sessionIds: string[]): Promise<void> {
    return sessionIds.length ? this.notices.offerFreedSeats(sessionIds) : Promise.resolve();
  }

  @Interval('session-changes', 60_000)
  async tick(): Promise<void> {
    try {
      await this.announceSettled();
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Telling families of changed sessions failed; the next minute retries');
    }
  }

  /**
   * Tells families of changes that have settled (the last one at least `SESSION_CHANGE_SETTLE_MINUTES`
   * ago): one message per family with the final state, then the session counts as told. A session
   * that no longer takes place, or has begun, is marked told without a message. @returns messages written.
   */
  announceSettled(): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const due = await this.repo.settled(now, new Date(now.getTime() - SESSION_CHANGE_SETTLE_MINUTES * 60_000), 20);
      let written = 0;
      for (const s of due) {
        const first = s.tell ? await this.repo.firstChangeAfter(s.id, s.announced) : undefined;
        if (first) {
          written += await this.notices.sessionChanged({
            sessionId: s.id,
            sequence: s.sequence,
            previousStartsAt: new Date(first.before.startsAt),
          });
        }
        await this.repo.markAnnounced(s.id, s.sequence);
      }
      return written;
    });
  }
}
