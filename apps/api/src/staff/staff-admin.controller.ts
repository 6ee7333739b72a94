import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type CreatedStaffUser, type Page, type SetPasswordLink, type StaffUserSummary } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { CreateStaffUserDto, StaffUserQueryDto, UpdateStaffUserDto } from './dto/staff-admin.dto';
import { StaffAdminService } from './staff-admin.service';

@ApiTags('admin')
@Controller('admin/staff')
@Staff(StaffRole.Admin)
export class StaffAdminController {
  constructor(private readonly service: StaffAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts, searched and paged' })
  list(@Query() query: StaffUserQueryDto): Promise<Page<StaffUserSummary>> {
    return this.service.list(query.search, query.page, query.pageSize);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account; answers a one-time set-password link (48 h) to pass on' })
  create(@CurrentStaff() admin: AuthenticatedStaff, @Body() body: CreateStaffUserDto): Promise<CreatedStaffUser> {
    return this.service.create(admin, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, roles or active; deactivating ends the person’s sessions at once' })
  update(
    @CurrentStaff() admin: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: UpdateStaffUserDto,
  ): Promise<StaffUserSummary> {
    return this.service.update(admin, id, body);
  }

  @Post(':id/set-password-link')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new set-password link (earlier ones stop working)' })
  newLink(@CurrentStaff() admin: AuthenticatedStaff, @UuidParam('id') id: string): Promise<SetPasswordLink> {
    return this.service.newLink(admin, id);
  }

  @Post(':id/reset-two-factor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove two-factor set-up; the person enrols again at the next sign-in' })
  resetTwoFactor(@UuidParam('id') id: string): Promise<void> {
    return this.service.resetTwoFactor(id);
  }

  @Post(':id/revoke-sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign the person out everywhere' })
  async revokeSessions(@UuidParam('id') id: string): Promise<void> {
    await this.service.revokeSessions(id);
  }
}
