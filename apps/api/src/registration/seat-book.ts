import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, nextOffers, offerValidUntil, RegistrationStatus } from '@kring/domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ALREADY_CANCELLED, NO_PLACE_OFFERED } from './registration.errors';
import { Transactions } from '../database/transactions';
import { outboxInsert, type PreparedMessage } from '../messages/outbox.service';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';

/** Where a newly placed registration stands: confirmed, or waiting at a 1-based position. */
export interface Placement {
  status: 'confirmed' | 'waitlisted';
  position: number | null;
}

/** Registrations that still hold or wait for a seat. */
const ACTIVE = new Set<string>([RegistrationStatus.Confirmed, RegistrationStatus.Offered, RegistrationStatus.Waitlisted]);

export interface Offer {
  registrationId: string;
  familyId: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Seats of one session. Every change locks the session row first (FOR NO KEY UPDATE: it
 * serialises seat changes but not the registrations' foreign-key checks, which would otherwise
 * deadlock with it), so changes to one session happen one at a time, and keeps `seats_taken` (confirmed + offered) on that row, where a
 * check constraint refuses any overbooking. Call inside a transaction.
 */
@Injectable()
export class SeatBook {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  /**
   * Confirms the registration when its seats are free, else puts it on the waitlist; says where it
   * stands. The database function `place_registration` does it in one call under the session lock
   * (see migration …-seat-placement). With `messages`, the same statement writes the family's
   * messages for the outcome (made beforehand for either; `POSITION_SLOT` becomes the position),
   * so nothing makes a round trip to the API while the session is locked but the commit.
   */
  async place(
    registrationId: string,
    sessionId: string,
    seats: number,
    messages?: { ifConfirmed: PreparedMessage[]; ifWaitlisted: PreparedMessage[] },
  ): Promise<Placement> {
    const now = this.clock.now();
    const { ifConfirmed = [], ifWaitlisted = [] } = messages ?? {};
    const write =
      ifConfirmed.length + ifWaitlisted.length
        ? outboxInsert([...ifConfirmed, ...ifWaitlisted], now, 5, {
            outcomes: [...ifConfirmed.map(() => 'confirmed'), ...ifWaitlisted.map(() => 'waitlisted')],
            outcome: 'SELECT placed_status FROM placed',
            position: 'SELECT placed_position FROM placed',
          })
        : undefined;
    const [placed] = await this.transactions.prepared<{ status: 'confirmed' | 'waitlisted'; position: number | null }>(
      write ? 'seat-book.place-and-announce' : 'seat-book.place',
      `WITH placed AS MATERIALIZED (SELECT placed_status, placed_position FROM place_registration($1, $2, $3, $4))${
        write
          ? `,
            message AS (${write.sql})`
          : ''
      }
       SELECT placed_status AS status, placed_position AS position FROM placed`,
      [registrationId, sessionId, seats, now, ...(write?.params ?? [])],
    );
    return { status: placed.status, position: placed.position };
  }

  /**
   * Takes a registration out (cancelled, skipped, or an offer that lapsed back to the waitlist's
   * end) and offers what it freed to the families waiting, in order, each as one unit. A
   * registration already out is a conflict (two cancels at once free one seat); an offer accepted
   * meanwhile is not requeued.
   */
  async release(registrationId: string, to: 'cancelled' | 'skipped' | 'requeued'): Promise<Offer[]> {
    const m = this.transactions.manager;
    const [{ session_id: sessionId }] = await m.query(`SELECT session_id FROM registration WHERE id = $1`, [registrationId]);
    await m.query(`SELECT 1 FROM group_session WHERE id = $1 FOR NO KEY UPDATE`, [sessionId]);
    // Read again now the session is locked: seat changes happen under that lock, so this is how the
    // registration stands (a cancel at the same moment, or an offer just accepted, is seen here).
    const [reg] = await m.query(`SELECT session_id, status, seats FROM registration WHERE id = $1 FOR UPDATE`, [registrationId]);
    if (to === 'requeued' ? reg.status !== RegistrationStatus.Offered : !ACTIVE.has(reg.status)) {
      if (to === 'requeued') return [];
      throw new DomainError(ErrorCode.Conflict, ALREADY_CANCELLED);
    }
    const held = reg.status === RegistrationStatus.Confirmed || reg.status === RegistrationStatus.Offered;
    if (held) await m.query(`UPDATE group_session SET seats_taken = seats_taken - $2 WHERE id = $1`, [reg.session_id, reg.seats]);
    if (to === 'requeued') {
      await m.query(
        `UPDATE registration SET status = 'waitlisted', offer_expires_at = NULL,
                queue_seq = nextval(pg_get_serial_sequence('registration', 'queue_seq')), updated_at = $2 WHERE id = $1`,
        [registrationId, this.clock.now()],
      );
    } else {
      await m.query(`UPDATE registration SET status = $2, offer_expires_at = NULL, updated_at = $3 WHERE id = $1`, [
        registrationId,
        to,
        this.clock.now(),
      ]);
    }
    return held ? this.offerFreedSeats(reg.session_id) : [];
  }

  /** Offers free seats of a (locked) session to waiting families. */
  async offerFreedSeats(sessionId: string): Promise<Offer[]> {
    const m = this.transactions.manager;
    const [session] = await m.query(
      `SELECT seat_capacity, seats_taken, starts_at FROM group_session WHERE id = $1 AND status = 'planned' FOR NO KEY UPDATE`,
      [sessionId],
    );
    if (!session) return [];
    const now = this.clock.now();
    const expiresAt = offerValidUntil(now, session.starts_at, this.settings.offerHours);
    if (!expiresAt) return [];
    const waiting: Array<{ id: string; seats: number; family_id: string }> = await m.query(
      `SELECT id, seats, family_id FROM registration WHERE session_id = $1 AND status = 'waitlisted' ORDER BY queue_seq`,
      [sessionId],
    );
    const free = session.seat_capacity === null ? Number.MAX_SAFE_INTEGER : session.seat_capacity - session.seats_taken;
    const chosen = new Set(nextOffers(waiting, free));
    const offers: Offer[] = [];
    for (const w of waiting.filter((x) => chosen.has(x.id))) {
      await m.query(`UPDATE group_session SET seats_taken = seats_taken + $2 WHERE id = $1`, [sessionId, w.seats]);
      await m.query(`UPDATE registration SET status = 'offered', offer_expires_at = $2, updated_at = $3 WHERE id = $1`, [
        w.id,
        expiresAt,
        now,
      ]);
      offers.push({ registrationId: w.id, familyId: w.family_id, sessionId, expiresAt });
    }
    return offers;
  }

  /** The family says yes to an offered seat (already held for them). */
  async accept(registrationId: string): Promise<void> {
    const [accepted] = await this.transactions.manager.query(
      `WITH accepted AS (
         UPDATE registration SET status = 'confirmed', offer_expires_at = NULL, updated_at = $2 WHERE id = $1 AND status = 'offered' RETURNING id)
       SELECT id FROM accepted`,
      [registrationId, this.clock.now()],
    );
    // The offer lapsed (and passed on) while the family was saying yes.
    if (!accepted) throw new DomainError(ErrorCode.Conflict, NO_PLACE_OFFERED);
  }

  /** 1-based place in the queue among those still waiting, or null when not waiting. */
  async waitlistPosition(registrationId: string): Promise<number | null> {
    const [row] = await this.transactions.manager.query(
      `SELECT r.status, (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) AS position
         FROM registration r WHERE r.id = $1`,
      [registrationId],
    );
    return row?.status === RegistrationStatus.Waitlisted ? row.position : null;
  }
}
