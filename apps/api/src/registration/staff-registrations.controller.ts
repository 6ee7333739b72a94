import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  StaffRole,
  type FamilyByCodeView,
  type GroupEnrolmentsView,
  type RegisterResponse,
  type StaffRegistrationView,
} from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { LocaleQuery } from '../common/locale.query';
import { MoveRegistrationDto, StaffRegisterDto } from './dto/register.dto';
import { StaffRegistrationsService } from './staff-registrations.service';

/** Registrations for the people who run the groups (their own groups; coordinators all). */
@ApiTags('registrations')
@Controller()
@Staff(StaffRole.Coordinator, StaffRole.GroupWorker)
export class StaffRegistrationsController {
  constructor(private readonly service: StaffRegistrationsService) {}

  @Get('sessions/:id/registrations')
  @ApiOperation({ summary: 'Registrations and waitlist of a session (404 outside one’s groups)' })
  forSession(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<StaffRegistrationView[]> {
    return this.service.forSession(staff, id);
  }

  @Get('registrations/by-code/:code')
  @ApiOperation({ summary: 'Find a family by the six-character code it quotes' })
  byCode(@CurrentStaff() staff: AuthenticatedStaff, @Param('code') code: string, @Query() query: LocaleQuery): Promise<FamilyByCodeView> {
    return this.service.byCode(staff, code, query.locale);
  }

  @Post('registrations')
  @ApiOperation({ summary: 'Register a family on its behalf (consent given in person or by phone)' })
  register(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: StaffRegisterDto): Promise<RegisterResponse> {
    return this.service.register(staff, body);
  }

  @Post('registrations/:id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a family to another session' })
  move(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: MoveRegistrationDto,
  ): Promise<StaffRegistrationView[]> {
    return this.service.move(staff, id, body.toSessionId);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel a registration for the family (its seat goes to the waitlist)' })
  cancel(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<void> {
    return this.service.cancel(staff, id);
  }

  @Post('registrations/:id/unskip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take back “not this week” for the family: placed again (a seat, or the back of the waitlist), with a message' })
  unskip(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<StaffRegistrationView[]> {
    return this.service.unskip(staff, id);
  }

  @Get('groups/:id/enrolments')
  @ApiOperation({ summary: 'Families enrolled in a group’s whole series, with their coming dates (404 outside one’s groups)' })
  enrolments(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Query() query: LocaleQuery,
  ): Promise<GroupEnrolmentsView> {
    return this.service.enrolments(staff, id, query.locale);
  }

  @Post('enrolments/:id/stop')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop a family’s series for it: its coming dates are cancelled (seats go to the waitlist), one message' })
  stopSeries(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<void> {
    return this.service.stopSeries(staff, id);
  }
}
