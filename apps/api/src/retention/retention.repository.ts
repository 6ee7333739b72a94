import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kring/domain';
import { DomainError } from '../common/domain-error';
import { NO_SUCH_FAMILY } from '../common/errors';
import { Transactions } from '../database/transactions';

export interface LegalHoldRow {
  id: string;
  reason: string;
  set_by: string;
  set_by_name: string;
  set_at: Date;
}

export interface ErasureFactsRow {
  id: string;
  display_name: string;
  coming_registrations: number;
  flags: number;
}

/**
 * The SQL of retention and erasure. A family is "last seen" at the latest of its creation, the
 * sessions it registered for and the sessions it attended. Flags are read here only to keep a
 * family whose flags are still kept by the flags' own schedule (their rows never go).
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** Families last seen before `cutoff`, not on hold and without flags, oldest first. */
  async familiesLastSeenBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT f.id FROM family f
        WHERE f.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM registration r JOIN group_session s ON s.id = r.session_id
                           WHERE r.family_id = f.id AND s.starts_at >= $1)
          AND NOT EXISTS (SELECT 1 FROM attendance a JOIN group_session s ON s.id = a.session_id
                           WHERE a.family_id = f.id AND s.starts_at >= $1)
          AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.family_id = f.id AND h.lifted_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM flag g WHERE g.family_id = f.id)
        ORDER BY f.created_at, f.id
        LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Erases families: their sent and waiting messages lose body and address (waiting ones are not
   * sent), seats they still count are given back, then the family row goes and with it its children,
   * consents, enrolments, registrations and holds; attendance keeps its counts without the name.
   */
  async eraseFamilies(ids: string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    await this.m.query(
      `UPDATE outbox_message SET body = '', subject = NULL, recipient = '', attachments = '[]'::jsonb, erased_at = $2,
              status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
              last_error = CASE WHEN status = 'pending' THEN 'erased' ELSE last_error END
        WHERE family_id = ANY($1::uuid[])`,
      [ids, now],
    );
    // Rate-limit counters name the contact they count; the family's go with it.
    await this.m.query(
      `DELETE FROM rate_limit l USING family f
        WHERE f.id = ANY($1::uuid[]) AND ((f.phone IS NOT NULL AND position(f.phone IN l.key) > 0)
           OR (f.email IS NOT NULL AND position(lower(f.email) IN lower(l.key)) > 0))`,
      [ids],
    );
    // Attendance keeps the mark for the counts, without the family (as the attendance retention does).
    await this.m.query(`UPDATE attendance SET family_id = NULL, anonymised_at = $2 WHERE family_id = ANY($1::uuid[])`, [ids, now]);
    await this.m.query(
      `UPDATE group_session s SET seats_taken = s.seats_taken - held.seats
         FROM (SELECT session_id, sum(seats)::int AS seats FROM registration
                WHERE family_id = ANY($1::uuid[]) AND status IN ('confirmed', 'offered') GROUP BY session_id) held
        WHERE s.id = held.session_id`,
      [ids],
    );
    const gone: unknown[] = await this.m.query(
      `WITH gone AS (DELETE FROM family WHERE id = ANY($1::uuid[]) RETURNING id) SELECT id FROM gone`,
      [ids],
    );
    return gone.length;
  }

  /** Sent messages older than `cutoff` lose their body, subject, attachments and address; kind, channel and times stay. */
  async eraseSentMessagesBefore(cutoff: Date, now: Date, limit: number): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `WITH due AS (SELECT id FROM outbox_message WHERE erased_at IS NULL AND sent_at < $1 ORDER BY sent_at LIMIT $3 FOR UPDATE SKIP LOCKED),
            erased AS (UPDATE outbox_message o SET body = '', subject = NULL, recipient = '', attachments = '[]'::jsonb, erased_at = $2
                         FROM due WHERE o.id = due.id RETURNING o.id)
       SELECT id FROM erased`,
      [cutoff, now, limit],
    );
    return rows.length;
  }

  /** Set-password links that expired or were used: of no use to anyone, so gone. */
  async deleteSpentSetPasswordLinks(now: Date): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `WITH gone AS (DELETE FROM set_password_token WHERE expires_at < $1 OR used_at IS NOT NULL RETURNING id) SELECT id FROM gone`,
      [now],
    );
    return rows.length;
  }

  /** What erasing a family now would touch; not found (404) when there is no such family. */
  async erasureFactsOrThrow(familyId: string, now: Date): Promise<ErasureFactsRow> {
    const [row]: ErasureFactsRow[] = await this.m.query(
      `SELECT f.id, f.display_name,
              (SELECT count(*)::int FROM registration r JOIN group_session s ON s.id = r.session_id
                WHERE r.family_id = f.id AND s.starts_at > $2 AND r.status IN ('confirmed', 'offered', 'waitlisted')) AS coming_registrations,
              (SELECT count(*)::int FROM flag g WHERE g.family_id = f.id) AS flags
         FROM family f WHERE f.id = $1`,
      [familyId, now],
    );
    if (!row) throw new DomainError(ErrorCode.NotFound, NO_SUCH_FAMILY);
    return row;
  }

  /** The family's coming registrations that hold or wait for a seat (to cancel before erasing). */
  async comingRegistrationIds(familyId: string, now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT r.id FROM registration r JOIN group_session s ON s.id = r.session_id
        WHERE r.family_id = $1 AND s.starts_at > $2 AND r.status IN ('confirmed', 'offered', 'waitlisted') ORDER BY s.starts_at`,
      [familyId, now],
    );
    return rows.map((r) => r.id);
  }

  async activeHold(familyId: string): Promise<LegalHoldRow | undefined> {
    const [row]: LegalHoldRow[] = await this.m.query(
      `SELECT h.id, h.reason, h.set_by, u.display_name AS set_by_name, h.set_at
         FROM legal_hold h JOIN staff_user u ON u.id = h.set_by WHERE h.family_id = $1 AND h.lifted_at IS NULL`,
      [familyId],
    );
    return row;
  }

  /** A new hold; null when one is in force already (the partial unique index decides, also under a race). */
  async insertHold(familyId: string, reason: string, by: string, now: Date): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.m.query(
      `INSERT INTO legal_hold (family_id, reason, set_by, set_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (family_id) WHERE lifted_at IS NULL DO NOTHING RETURNING id`,
      [familyId, reason, by, now],
    );
    return rows[0]?.id ?? null;
  }

  /** Lifts the hold in force; null when there was none. */
  async liftHold(familyId: string, reason: string, by: string, now: Date): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.m.query(
      `WITH lifted AS (UPDATE legal_hold SET lifted_by = $3, lifted_at = $4, lift_reason = $2
                        WHERE family_id = $1 AND lifted_at IS NULL RETURNING id)
       SELECT id FROM lifted`,
      [familyId, reason, by, now],
    );
    return rows[0]?.id ?? null;
  }
}
