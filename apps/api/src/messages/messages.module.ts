import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Env } from '../config/env';
import { EMAIL_TRANSPORT, OutboxDispatcher, SMS_TRANSPORT } from './dispatcher';
import { MessagesController } from './messages.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { HttpSmsTransport, PreviewTransport, SmtpTransport } from './transports';

/** E-mail and SMS through the outbox; the preview transport where nothing is configured. */
@Global()
@Module({})
export class MessagesModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: MessagesModule,
      controllers: [MessagesController],
      providers: [
        OutboxRepository,
        OutboxService,
        OutboxDispatcher,
        { provide: EMAIL_TRANSPORT, useValue: env.SMTP_URL ? new SmtpTransport(env.SMTP_URL, env.MAIL_FROM) : new PreviewTransport() },
        {
          provide: SMS_TRANSPORT,
          useValue: env.SMS_API_URL ? new HttpSmsTransport(env.SMS_API_URL, env.SMS_API_TOKEN) : new PreviewTransport(),
        },
      ],
      exports: [OutboxService, OutboxDispatcher],
    };
  }
}
