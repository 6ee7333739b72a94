import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type OutboxMessageView, type Page } from '@kring/domain';
import { Staff } from '../access/access.decorators';
import { PageQueryDto } from '../common/page-query.dto';
import { withoutLinkTokens } from './link-tokens';
import { OutboxService } from './outbox.service';

/** What Kring sent (or, with no transport configured, would have sent): for admins. */
@ApiTags('admin')
@Controller('admin/messages')
@Staff(StaffRole.Admin)
export class MessagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'Outgoing messages, newest first (the preview of a newcomer’s install); link tokens hidden' })
  async list(@Query() q: PageQueryDto): Promise<Page<OutboxMessageView>> {
    const page = await this.outbox.page(q.page, q.pageSize);
    // A link's token would let an admin act as the family (or set someone's password): never shown.
    return {
      ...page,
      items: page.items.map((m) => ({ ...m, subject: withoutLinkTokens(m.subject), body: withoutLinkTokens(m.body) })),
    };
  }
}
