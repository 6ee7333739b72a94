import { Injectable } from '@nestjs/common';
import type { Locale, OutboxMessageView } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { POSITION_SLOT, renderMessage, senderName, type MessageFacts, type MessageKind } from './templates';

/** Who a message goes to: the family's own contact details and wishes. */
export interface FamilyContact {
  id: string;
  phone: string | null;
  email: string | null;
  locale: string;
  discreet: boolean;
}

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

/**
 * The transactional outbox: a message is a row written in the same transaction as the change
 * that causes it, so it exists exactly when the change does. `dedupeKey` makes writing it
 * idempotent (a reminder job that runs twice writes one reminder). The dispatcher sends it.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Queues the message by SMS and/or e-mail, as the family gave contact details. @returns how many were new. */
  async toFamily(
    family: FamilyContact,
    kind: MessageKind,
    dedupeKey: string,
    facts: Omit<MessageFacts, 'discreet'>,
    attachments: Attachment[] = [],
  ): Promise<number> {
    return this.write(this.prepare(family, kind, dedupeKey, facts, attachments));
  }

  /** The rows `toFamily` would write, rendered, not yet written (see `write` and `outboxInsert`). */
  prepare(
    family: FamilyContact,
    kind: MessageKind,
    dedupeKey: string,
    facts: Omit<MessageFacts, 'discreet'>,
    attachments: Attachment[] = [],
  ): PreparedMessage[] {
    const locale = family.locale as Locale;
    const rendered = renderMessage(kind, locale, { ...facts, discreet: family.discreet });
    const common = { kind, locale, sender: senderName(family.discreet), familyId: family.id };
    return [
      ...(family.email
        ? [
            {
              ...common,
              key: `${dedupeKey}:email`,
              channel: 'email' as const,
              recipient: family.email,
              subject: rendered.subject,
              body: rendered.email,
              attachments: JSON.stringify(attachments),
            },
          ]
        : []),
      ...(family.phone
        ? [
            {
              ...common,
              key: `${dedupeKey}:sms`,
              channel: 'sms' as const,
              recipient: family.phone,
              subject: null,
              body: rendered.sms,
              attachments: '[]',
            },
          ]
        : []),
    ];
  }

  /** Writes prepared messages in one statement (idempotent per dedupe key). @returns how many were new. */
  async write(messages: PreparedMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const insert = outboxInsert(messages, this.clock.now(), 1);
    const written: unknown[] = await this.transactions.manager.query(`${insert.sql} RETURNING id`, insert.params);
    return written.length;
  }

  /** What went out (or would have): newest first, for admins. */
  async page(page: number, pageSize: number): Promise<{ items: OutboxMessageView[]; total: number; page: number; pageSize: number }> {
    const m = this.transactions.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM outbox_message`);
    const rows: Array<Omit<OutboxMessageView, 'createdAt' | 'sentAt'> & { created_at: Date; sent_at: Date | null }> = await m.query(
      `SELECT id, kind, channel, recipient, subject, body, status, transport, attempts, created_at, sent_at
         FROM outbox_message ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    const items = rows.map(({ created_at, sent_at, ...r }) => ({
      ...r,
      createdAt: created_at.toISOString(),
      sentAt: sent_at?.toISOString() ?? null,
    }));
    return { items, total, page, pageSize };
  }
}
