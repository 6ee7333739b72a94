import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type ReferralServiceView } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { CreateReferralServiceDto, ReferralServiceQueryDto, UpdateReferralServiceDto } from './dto/referral-service.dto';
import { ReferralServicesService } from './referral-services.service';

/** Admins keep the directory. There is no DELETE: a service is deactivated (`active: false`). */
@ApiTags('admin')
@Controller('admin/referral-services')
@Staff(StaffRole.Admin)
export class AdminReferralServicesController {
  constructor(private readonly services: ReferralServicesService) {}

  @Get()
  @ApiOperation({ summary: 'The service directory, deactivated services last (or only active ones with active=true)' })
  list(@Query() query: ReferralServiceQueryDto): Promise<ReferralServiceView[]> {
    return this.services.list(query.active === true);
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<ReferralServiceView> {
    return this.services.get(id, false);
  }

  @Post()
  @ApiOperation({ summary: 'Add a service to the directory' })
  create(@CurrentStaff() admin: AuthenticatedStaff, @Body() body: CreateReferralServiceDto): Promise<ReferralServiceView> {
    return this.services.create(admin, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a service; active: false deactivates it, active: true makes it pickable again' })
  update(@UuidParam('id') id: string, @Body() body: UpdateReferralServiceDto): Promise<ReferralServiceView> {
    return this.services.update(id, body);
  }
}

/** Coordinators pick a receiving service from the active ones. */
@ApiTags('referrals')
@Controller('referral-services')
@Staff(StaffRole.Coordinator)
export class ReferralServicesController {
  constructor(private readonly services: ReferralServicesService) {}

  @Get()
  @ApiOperation({ summary: 'Active services to refer to' })
  list(): Promise<ReferralServiceView[]> {
    return this.services.list(true);
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<ReferralServiceView> {
    return this.services.get(id, true);
  }
}
