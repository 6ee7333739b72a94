import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { withoutLinkTokens } from './link-tokens';
import { OutboxRepository } from './outbox.repository';
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
    private readonly repo: OutboxRepository,
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
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const due = await this.repo.claimDue(now, BATCH);
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
          await this.repo.markSent(msg.id, now, transport.name, withoutLinkTokens(msg.subject), withoutLinkTokens(msg.body));
        } catch (error) {
          const attempts = msg.attempts + 1;
          await this.repo.markAttemptFailed(msg.id, {
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
            error: (error as Error).message.slice(0, 300),
            transport: transport.name,
          });
        }
      }
      return due.length;
    });
  }
}
