import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRole, type ErasurePreview, type LegalHoldView } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { ErasureDto, LegalHoldDto } from './dto/retention.dto';
import { FamilyErasureService } from './family-erasure.service';
import { LegalHoldsService } from './legal-holds.service';

/** A family's data on request: "forget me" and legal holds. Coordinators only. */
@ApiTags('retention')
@Controller('families/:id')
@Staff(StaffRole.Coordinator)
export class FamilyPrivacyController {
  constructor(
    private readonly erasure: FamilyErasureService,
    private readonly holds: LegalHoldsService,
  ) {}

  @Get('erasure')
  @ApiOperation({ summary: 'What erasing the family now would do, and what stays and why' })
  preview(@UuidParam('id') id: string): Promise<ErasurePreview> {
    return this.erasure.preview(id);
  }

  @Post('erasure')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase the family now, on its request (confirmed by its name; 409 when a hold or flags keep it)' })
  erase(@UuidParam('id') id: string, @Body() body: ErasureDto): Promise<void> {
    return this.erasure.erase(id, body.confirmName);
  }

  @Post('legal-hold')
  @ApiOperation({ summary: 'Keep the family’s data out of retention and erasure, with a reason' })
  hold(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: LegalHoldDto): Promise<LegalHoldView> {
    return this.holds.set(staff, id, body.reason);
  }

  @Post('legal-hold/lift')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift the hold in force, with a reason' })
  lift(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: LegalHoldDto): Promise<void> {
    return this.holds.lift(staff, id, body.reason);
  }
}
