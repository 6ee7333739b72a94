import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type OutboxMessageView, type Page } from '@kring/domain';
import { Staff } from '../access/access.decorators';
import { PageQueryDto } from '../common/page-query.dto';
import { OutboxService } from './outbox.service';

/** What Kring sent (or, with no transport configured, would have sent): for admins. */
@ApiTags('admin')
@Controller('admin/messages')
@Staff(StaffRole.Admin)
export class MessagesController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOperation({ summary: 'Outgoing messages, newest first (the preview of a newcomer’s install)' })
  list(@Query() q: PageQueryDto): Promise<Page<OutboxMessageView>> {
    return this.outbox.page(q.page, q.pageSize);
  }
}
