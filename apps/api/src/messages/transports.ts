import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { Attachment } from './outbox.service';

export interface OutgoingMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  senderName: string;
  subject: string | null;
  body: string;
  attachments: Attachment[];
}

/** One way out for one channel. `name` is stored on the message (which transport sent it). */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** E-mail over SMTP (nodemailer). The outbox id is the Message-ID, so a resend is recognisable. */
export class SmtpTransport implements MessageTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(url);
  }

  async send(m: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({
      from: { name: m.senderName, address: this.from },
      to: m.recipient,
      subject: m.subject ?? '',
      text: m.body,
      messageId: `<${m.id}@kring>`,
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  }
}

/**
 * SMS through a provider's HTTP API: JSON `{ to, from, text }` with a bearer token. One adapter;
 * another provider is another class with this interface.
 */
export class HttpSmsTransport implements MessageTransport {
  readonly name = 'sms-http';

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to: m.recipient, from: m.senderName, text: m.body, reference: m.id }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
  }
}

/**
 * Nothing configured: the message is kept, marked sent by "preview", and admins read it in
 * Kring (Berichten), so a newcomer sees what would have gone out.
 */
export class PreviewTransport implements MessageTransport {
  readonly name = 'preview';
  private readonly logger = new Logger('PreviewTransport');

  async send(m: OutgoingMessage): Promise<void> {
    // Only that a message was kept: its text may concern a family.
    this.logger.log({ message: m.id, channel: m.channel }, 'Message kept for preview (no transport configured)');
  }
}
