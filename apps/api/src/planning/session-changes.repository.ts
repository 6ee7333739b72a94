import { Injectable } from '@nestjs/common';
import { DomainEventType, type SessionChangedEvent } from '@kring/domain';
import { Transactions } from '../database/transactions';

/** Registrations of one session, as a series change that drops it needs to know. */
export interface SessionRegistrations {
  id: string;
  /** Families registered, offered a seat or waiting. */
  live_families: number;
  /** Any registration at all (also cancelled or skipped ones): such a session is kept, cancelled, never deleted. */
  any_registration: boolean;
}

/** SQL for the changes families must hear of: calendar sequences, what is still to be told, and who is registered. */
@Injectable()
export class SessionChangesRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** One more change to announce. @returns the session's new calendar sequence. */
  async bumpSequence(sessionId: string): Promise<number> {
    const [row] = await this.m.query(
      `WITH bumped AS (UPDATE group_session SET calendar_sequence = calendar_sequence + 1 WHERE id = $1 RETURNING calendar_sequence)
       SELECT calendar_sequence AS sequence FROM bumped`,
      [sessionId],
    );
    return row.sequence;
  }

  /** A change nobody is told of (a correction after the fact): calendars still see a new version. */
  async bumpSequenceQuietly(sessionId: string): Promise<void> {
    await this.m.query(
      `UPDATE group_session SET calendar_sequence = calendar_sequence + 1,
              announced_sequence = CASE WHEN announced_sequence = calendar_sequence THEN calendar_sequence + 1 ELSE announced_sequence END
        WHERE id = $1`,
      [sessionId],
    );
  }

  /**
   * Per session among `ids`: its registrations (sessions without any are left out). Locks the
   * sessions first, so no registration arrives between this count and what the caller does with them.
   */
  async registrationsOf(ids: string[]): Promise<SessionRegistrations[]> {
    if (ids.length === 0) return [];
    await this.m.query(`SELECT 1 FROM group_session WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    return this.m.query(
      `SELECT session_id AS id,
              count(DISTINCT family_id) FILTER (WHERE status IN ('confirmed', 'offered', 'waitlisted'))::int AS live_families,
              true AS any_registration
         FROM registration WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
      [ids],
    );
  }

  /**
   * Sessions with changes not yet told, whose last change is older than `settledBefore`; claimed
   * (SKIP LOCKED) so two processes never tell the same change. `tell`: still ahead and taking place.
   */
  settled(
    now: Date,
    settledBefore: Date,
    limit: number,
  ): Promise<Array<{ id: string; sequence: number; announced: number; tell: boolean }>> {
    return this.m.query(
      `SELECT s.id, s.calendar_sequence AS sequence, s.announced_sequence AS announced, (s.status = 'planned' AND s.starts_at > $3) AS tell
         FROM group_session s
        WHERE s.calendar_sequence > s.announced_sequence
          AND NOT EXISTS (SELECT 1 FROM domain_event e WHERE e.aggregate_id = s.id AND e.type = $2 AND e.occurred_at > $1)
        ORDER BY s.starts_at LIMIT $4 FOR UPDATE OF s SKIP LOCKED`,
      [settledBefore, DomainEventType.SessionChanged, now, limit],
    );
  }

  /** The first change after `announced`: its `before` is what the families last heard. */
  async firstChangeAfter(sessionId: string, announced: number): Promise<SessionChangedEvent | undefined> {
    const [row] = await this.m.query(
      `SELECT payload FROM domain_event WHERE aggregate_id = $1 AND type = $2 AND (payload ->> 'sequence')::int > $3 ORDER BY id LIMIT 1`,
      [sessionId, DomainEventType.SessionChanged, announced],
    );
    return row?.payload;
  }

  async markAnnounced(sessionId: string, sequence: number): Promise<void> {
    await this.m.query(`UPDATE group_session SET announced_sequence = greatest(announced_sequence, $2) WHERE id = $1`, [
      sessionId,
      sequence,
    ]);
  }
}
