import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { withoutLinkTokens } from './link-tokens';
import type { Attachment } from './outbox.service';
import type { MessageTransport } from './transports';

export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
export const SMS_TRANSPORT = Symbol('SMS_TRANSPORT');
const MAX_ATTEMPTS = 8;
const BATCH = 20;

/**
 * Sends due outbox messages. Safe on several API processes at once: each claims its batch with
 * FOR UPDATE SKIP LOCKED, so a message is in one process's hands at a time and is marked sent in
 * the same transaction. A failure waits longer each time (1, 2, 4 … minutes) and gives up after
 * eight tries (status failed, visible to admins). Once sent, the stored body keeps no link token
 * (the rest stays, for the retention schedule): only the recipient holds the link.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private running = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(EMAIL_TRANSPORT) private readonly email: MessageTransport,
    @Inject(SMS_TRANSPORT) private readonly sms: MessageTransport,
  ) {}

  @Interval('outbox-dispatch', 15_000)
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.dispatchBatch()) === BATCH) {
        /* more are due */
      }
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'Sending messages failed; the next tick retries');
    } finally {
      this.running = false;
    }
  }

  /** @returns how many messages this call handled. */
  dispatchBatch(): Promise<number> {
    return this.transactions.run(async (m) => {
      const now = this.clock.now();
      const due: Array<{
        id: string;
        channel: 'email' | 'sms';
        recipient: string;
        sender_name: string;
        subject: string | null;
        body: string;
        attachments: Attachment[];
        attempts: number;
      }> = await m.query(
        `SELECT id, channel, recipient, sender_name, subject, body, attachments, attempts FROM outbox_message
            WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, BATCH],
      );
      for (const msg of due) {
        const transport = msg.channel === 'email' ? this.email : this.sms;
        try {
          await transport.send({
            id: msg.id,
            channel: msg.channel,
            recipient: msg.recipient,
            senderName: msg.sender_name,
            subject: msg.subject,
            body: msg.body,
            attachments: msg.attachments,
          });
          await m.query(
            `UPDATE outbox_message SET status = 'sent', sent_at = $2, transport = $3, attempts = attempts + 1, last_error = NULL,
                    subject = $4, body = $5 WHERE id = $1`,
            [msg.id, now, transport.name, withoutLinkTokens(msg.subject), withoutLinkTokens(msg.body)],
          );
        } catch (error) {
          const attempts = msg.attempts + 1;
          const wait = 60_000 * 2 ** (attempts - 1);
          await m.query(
            `UPDATE outbox_message SET attempts = $2, status = $3, next_attempt_at = $4, last_error = $5, transport = $6 WHERE id = $1`,
            [
              msg.id,
              attempts,
              attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              new Date(now.getTime() + wait),
              (error as Error).message.slice(0, 300),
              transport.name,
            ],
          );
        }
      }
      return due.length;
    });
  }
}
