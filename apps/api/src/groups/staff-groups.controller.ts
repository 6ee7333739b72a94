import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type StaffGroupSummary } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { LocaleQuery } from '../common/locale.query';
import { StaffGroupsService } from './staff-groups.service';

/** Groups for the people who run them: coordinators see all, group workers their own. */
@ApiTags('groups')
@Controller('staff')
@Staff(StaffRole.Coordinator, StaffRole.GroupWorker)
export class StaffGroupsController {
  constructor(private readonly service: StaffGroupsService) {}

  @Get('facilitators')
  @ApiOperation({ summary: 'Active staff who can facilitate groups (for the facilitator picker)' })
  facilitators(): Promise<Array<{ id: string; displayName: string }>> {
    return this.service.facilitators();
  }

  @Get('groups')
  @ApiOperation({ summary: 'My groups (all groups for coordinators)' })
  list(@CurrentStaff() staff: AuthenticatedStaff, @Query() query: LocaleQuery): Promise<StaffGroupSummary[]> {
    return this.service.list(staff, query.locale);
  }

  @Get('groups/:id')
  @ApiOperation({ summary: 'One group; 404 for a group worker outside it' })
  get(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Query() query: LocaleQuery): Promise<StaffGroupSummary> {
    return this.service.get(staff, id, query.locale);
  }
}
