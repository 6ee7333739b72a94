import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FamilyFlagChronology, Locale } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { OpenFlagDto } from './dto/flag.dto';
import { FlagReadingService } from './flag-reading.service';

/** A family's flag chronology, for coordinators (the list without text: `GET /flags?familyId=`). */
@ApiTags('flags')
@Controller('families/:familyId/flag-chronology')
export class FamilyFlagsController {
  constructor(private readonly reading: FlagReadingService) {}

  @Post()
  @Staff('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Every flag, amendment and transition of a family in order, with text: after step-up, for a purpose, audited' })
  chronology(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('familyId') familyId: string,
    @Body() body: OpenFlagDto,
    @RequestLocale() locale: Locale,
  ): Promise<FamilyFlagChronology> {
    return this.reading.chronology(staff, familyId, body, locale);
  }
}
