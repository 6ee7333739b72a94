import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type AuditEventView, type Page } from '@kring/domain';
import { Staff } from '../access/access.decorators';
import { AuditRepository } from './audit.repository';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('admin')
@Controller('admin/audit')
@Staff(StaffRole.Admin)
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered and paged' })
  list(@Query() q: AuditQueryDto): Promise<Page<AuditEventView>> {
    return this.audit.page(q);
  }
}
