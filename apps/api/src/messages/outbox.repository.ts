import { Injectable } from '@nestjs/common';
import type { OutboxMessageView } from '@kring/domain';
import { Transactions } from '../database/transactions';
import { POSITION_SLOT, type MessageKind } from './templates';

/** One rendered message for one channel, ready to be written to the outbox. */
export interface PreparedMessage {
  key: string;
  /** A family message's `MessageKind`, or another feature's kind (staff alerts: `flags/flag-messages.ts`). */
  kind: MessageKind | (string & NonNullable<unknown>);
  channel: 'email' | 'sms';
  recipient: string;
  locale: string;
  sender: string;
  subject: string | null;
  body: string;
  /** JSON text of the attachments. */
  attachments: string;
  /** Null for messages to staff. */
  familyId: string | null;
}

/**
 * The INSERT that writes `messages` (parameters numbered from `first`), for `write` and for
 * statements that must write messages in the same round trip as their change (`SeatBook`). With
 * `late`, each message is written only when its outcome is the one `late.outcome` (an SQL
 * expression) gives, and `POSITION_SLOT` in a subject or body becomes `late.position`.
 */
export function outboxInsert(
  messages: PreparedMessage[],
  now: Date,
  first: number,
  late?: { outcomes: string[]; outcome: string; position: string },
): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  const text = (column: string) => (late ? `replace(${column}, ${$(11)}, coalesce((${late.position})::text, ''))` : column);
  return {
    sql: `INSERT INTO outbox_message (dedupe_key, kind, channel, recipient, locale, sender_name, subject, body, attachments, family_id, next_attempt_at, created_at)
          SELECT x.key, x.kind, x.channel, x.recipient, x.locale, x.sender, ${text('x.subject')}, ${text('x.body')}, x.attachments::jsonb, x.family_id, ${$(10)}, ${$(10)}
            FROM unnest(${$(0)}::text[], ${$(1)}::text[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::text[], ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[], ${$(9)}::uuid[]${late ? `, ${$(12)}::text[]` : ''})
                 AS x(key, kind, channel, recipient, locale, sender, subject, body, attachments, family_id${late ? ', outcome' : ''})
          ${late ? `WHERE x.outcome = (${late.outcome})` : ''}
          ON CONFLICT (dedupe_key) DO NOTHING`,
    params: [
      messages.map((m) => m.key),
      messages.map((m) => m.kind),
      messages.map((m) => m.channel),
      messages.map((m) => m.recipient),
      messages.map((m) => m.locale),
      messages.map((m) => m.sender),
      messages.map((m) => m.subject),
      messages.map((m) => m.body),
      messages.map((m) => m.attachments),
      messages.map((m) => m.familyId),
      now,
      ...(late ? [POSITION_SLOT, late.outcomes] : []),
    ],
  };
}

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

/** A message waiting to be sent, as the dispatcher reads it. */
export interface DueMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  sender_name: string;
  subject: string | null;
  body: string;
  attachments: Attachment[];
  attempts: number;
}

/** The SQL of the outbox: writing messages, claiming due ones for sending, marking the outcome, the admins' list. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** Writes prepared messages in one statement (idempotent per dedupe key); how many were new. */
  async insert(messages: PreparedMessage[], now: Date): Promise<number> {
    if (messages.length === 0) return 0;
    const insert = outboxInsert(messages, now, 1);
    const written: unknown[] = await this.m.query(`${insert.sql} RETURNING id`, insert.params);
    return written.length;
  }

  /** Up to `limit` messages due at `now`, locked for this transaction (other dispatchers skip them). */
  claimDue(now: Date, limit: number): Promise<DueMessage[]> {
    return this.m.query(
      `SELECT id, channel, recipient, sender_name, subject, body, attachments, attempts FROM outbox_message
          WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Sent: kept with the text as it may stay (link tokens already taken out by the caller). */
  async markSent(id: string, now: Date, transport: string, subject: string | null, body: string): Promise<void> {
    await this.m.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = $2, transport = $3, attempts = attempts + 1, last_error = NULL,
              subject = $4, body = $5 WHERE id = $1`,
      [id, now, transport, subject, body],
    );
  }

  async markAttemptFailed(
    id: string,
    a: { attempts: number; status: 'pending' | 'failed'; nextAttemptAt: Date; error: string; transport: string },
  ): Promise<void> {
    await this.m.query(
      `UPDATE outbox_message SET attempts = $2, status = $3, next_attempt_at = $4, last_error = $5, transport = $6 WHERE id = $1`,
      [id, a.attempts, a.status, a.nextAttemptAt, a.error, a.transport],
    );
  }

  async count(): Promise<number> {
    const [{ total }]: Array<{ total: number }> = await this.m.query(`SELECT count(*)::int AS total FROM outbox_message`);
    return total;
  }

  /** Newest first, for admins. */
  page(
    limit: number,
    offset: number,
  ): Promise<Array<Omit<OutboxMessageView, 'createdAt' | 'sentAt'> & { created_at: Date; sent_at: Date | null }>> {
    return this.m.query(
      `SELECT id, kind, channel, recipient, subject, body, status, transport, attempts, created_at, sent_at
         FROM outbox_message ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }
}
