import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type Page } from '@kring/domain';
import { Staff } from '../access/access.decorators';
import { PageQueryDto } from '../common/page-query.dto';
import { Transactions } from '../database/transactions';

export interface OutboxMessageView {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  transport: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** What Kring sent (or, with no transport configured, would have sent): for admins. */
@ApiTags('admin')
@Controller('admin/messages')
@Staff(StaffRole.Admin)
export class MessagesController {
  constructor(private readonly transactions: Transactions) {}

  @Get()
  @ApiOperation({ summary: 'Outgoing messages, newest first (the preview of a newcomer’s install)' })
  async list(@Query() q: PageQueryDto): Promise<Page<OutboxMessageView>> {
    const m = this.transactions.manager;
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM outbox_message`);
    const items = await m.query(
      `SELECT id, kind, channel, recipient, subject, body, status, transport, attempts,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "sentAt"
         FROM outbox_message ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [q.pageSize, (q.page - 1) * q.pageSize],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
