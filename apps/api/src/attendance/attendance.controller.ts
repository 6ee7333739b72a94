import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  FieldErrorCode,
  StaffRole,
  type CarePrompt,
  type Locale,
  type FamilyAttendanceHistory,
  type KnownFamiliesView,
  type RosterView,
  type SyncResponse,
  type TallyView,
} from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { AttendanceReadService } from './attendance-read.service';
import { AttendanceSyncService } from './attendance-sync.service';
import { SyncDto, UnlockDto } from './dto/sync.dto';

@ApiTags('attendance')
@Controller()
@Staff(StaffRole.Coordinator, StaffRole.GroupWorker)
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceReadService,
    private readonly taps: AttendanceSyncService,
  ) {}

  @Get('sessions/:id/roster')
  @ApiOperation({ summary: 'Who is expected and who came (404 outside one’s groups)' })
  roster(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @RequestLocale() locale: Locale): Promise<RosterView> {
    return this.attendance.roster(staff, id, locale);
  }

  @Get('sessions/:id/tally')
  tally(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<TallyView> {
    return this.attendance.tally(staff, id);
  }

  @Get('sessions/:id/known-families')
  @ApiOperation({
    summary:
      'A drop-in’s families to check in by name: known to its group in the last 12 months; id, name and mark only (404 outside one’s groups)',
  })
  knownFamilies(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<KnownFamiliesView> {
    return this.attendance.knownFamilies(staff, id);
  }

  @Post('attendance/sync')
  @HttpCode(200)
  @ApiOperation({ summary: 'Taps from a phone (maybe sent late): each applied on its own, a replay changes nothing' })
  async sync(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: SyncDto): Promise<SyncResponse> {
    return { results: await this.taps.sync(staff, body.ops) };
  }

  @Post('sessions/:id/attendance/unlock')
  @Staff(StaffRole.Coordinator)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed session’s attendance for two days (the reason is audited)' })
  async unlock(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: UnlockDto,
    @RequestLocale() locale: Locale,
  ): Promise<RosterView> {
    if (body.reason.trim().length < 3) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Say why the attendance must change.', [
        { field: 'reason', code: FieldErrorCode.Required, message: 'Say why the attendance must change.' },
      ]);
    }
    await this.taps.unlock(staff, id, body.reason);
    return this.attendance.roster(staff, id, locale);
  }

  @Get('families/:id/attendance')
  @ApiOperation({ summary: 'A family’s name and the sessions it attended, latest first (404 outside one’s groups)' })
  history(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @RequestLocale() locale: Locale,
  ): Promise<FamilyAttendanceHistory> {
    return this.attendance.history(staff, id, locale);
  }

  @Get('care-prompts')
  @ApiOperation({ summary: 'Families that missed their last two sessions without notice: maybe give them a call' })
  prompts(@CurrentStaff() staff: AuthenticatedStaff, @RequestLocale() locale: Locale): Promise<CarePrompt[]> {
    return this.attendance.prompts(staff, locale);
  }
}
