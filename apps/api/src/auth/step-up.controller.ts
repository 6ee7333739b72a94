import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { localeFromAcceptLanguage, type StepUpInfo, type StepUpRequest, type StepUpStatus } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from './session.service';
import { StepUpService } from './step-up.service';

export class StepUpDto implements StepUpRequest {
  @ApiProperty({ description: 'Six digits from the app (recovery codes are for signing in only)' })
  @IsString({ message: 'code must be six digits' })
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code!: string;
}

@ApiTags('auth')
@Controller('auth/step-up')
export class StepUpController {
  constructor(private readonly stepUp: StepUpService) {}

  @Get()
  @Staff()
  @ApiOperation({ summary: 'Whether this session may open sensitive text now (step-up), and whether it can step up at all' })
  status(@CurrentStaff() staff: AuthenticatedStaff): Promise<StepUpStatus> {
    return this.stepUp.status(staff);
  }

  @Post()
  @Staff()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a fresh code from the app: sensitive text may be opened for 15 minutes' })
  confirm(
    @CurrentStaff() staff: AuthenticatedStaff,
    @Body() body: StepUpDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StepUpInfo> {
    // The web sends its screens' language; remembered for the alerts this person gets.
    const locale = localeFromAcceptLanguage(acceptLanguage);
    return this.stepUp.confirm(staff, body.code, locale === null || locale === 'ar' ? undefined : locale);
  }
}
