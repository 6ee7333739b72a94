import { Injectable } from '@nestjs/common';
import type { Locale, OutboxMessageView } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { renderMessage, senderName, type MessageFacts, type MessageKind } from './templates';


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
    family: { id: string; phone: string | null; email: string | null; locale: string; discreet: boolean },
    kind: MessageKind,
    dedupeKey: string,
    facts: Omit<MessageFacts, 'discreet'>,
    attachments: Attachment[] = [],
  ): Promise<number> {
    const locale = family.locale as Locale;
    const rendered = renderMessage(kind, locale, { ...facts, discreet: family.discreet });
    const sender = senderName(family.discreet);
    const now = this.clock.now();
    const m = this.transactions.manager;
    let written = 0;
    if (family.email) {
      written += (await m.query(
        `INSERT INTO outbox_message (dedupe_key, kind, channel, recipient, locale, sender_name, subject, body, attachments, family_id, next_attempt_at, created_at)
         VALUES ($1, $2, 'email', $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [`${dedupeKey}:email`, kind, family.email, locale, sender, rendered.subject, rendered.email, JSON.stringify(attachments), family.id, now],
      )).length;
    }
    if (family.phone) {
      written += (await m.query(
        `INSERT INTO outbox_message (dedupe_key, kind, channel, recipient, locale, sender_name, body, family_id, next_attempt_at, created_at)
         VALUES ($1, $2, 'sms', $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [`${dedupeKey}:sms`, kind, family.phone, locale, sender, rendered.sms, family.id, now],
      )).length;
    }
    return written;
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
    const items = rows.map(({ created_at, sent_at, ...r }) => ({ ...r, createdAt: created_at.toISOString(), sentAt: sent_at?.toISOString() ?? null }));
    return { items, total, page, pageSize };
  }
}
