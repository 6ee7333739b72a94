import { Injectable } from '@nestjs/common';
import type { Locale, OutboxMessageView } from '@kring/domain';
import { Clock } from '../common/clock';
import { OutboxRepository, type Attachment, type PreparedMessage } from './outbox.repository';
import { renderMessage, senderName, type MessageFacts, type MessageKind } from './templates';

// The outbox's row shapes and its insert live with its SQL; re-exported for the features that write messages.
export { outboxInsert, type Attachment, type PreparedMessage } from './outbox.repository';

/** Who a message goes to: the family's own contact details and wishes. */
export interface FamilyContact {
  id: string;
  phone: string | null;
  email: string | null;
  locale: string;
  discreet: boolean;
}

/**
 * The transactional outbox: a message is a row written in the same transaction as the change
 * that causes it, so it exists exactly when the change does. `dedupeKey` makes writing it
 * idempotent (a reminder job that runs twice writes one reminder). The dispatcher sends it.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
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
  write(messages: PreparedMessage[]): Promise<number> {
    return this.repo.insert(messages, this.clock.now());
  }

  /** What went out (or would have): newest first, for admins. */
  async page(page: number, pageSize: number): Promise<{ items: OutboxMessageView[]; total: number; page: number; pageSize: number }> {
    const total = await this.repo.count();
    const rows = await this.repo.page(pageSize, (page - 1) * pageSize);
    const items = rows.map(({ created_at, sent_at, ...r }) => ({
      ...r,
      createdAt: created_at.toISOString(),
      sentAt: sent_at?.toISOString() ?? null,
    }));
    return { items, total, page, pageSize };
  }
}
