import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  localeFromAcceptLanguage,
  type FlagAmendmentCreated,
  type FlagCreated,
  type FlagDetail,
  type FlagSummary,
  type Locale,
} from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { FlagAmendmentDto, FlagDraftDto, FlagListQueryDto, FlagReconfirmDto, FlagTransitionDto, OpenFlagDto } from './dto/flag.dto';
import { FlagFollowUpService } from './flag-follow-up.service';
import { FlagListsService } from './flag-lists.service';
import { FlagReadingService } from './flag-reading.service';
import { LogFlagService } from './log-flag.service';

/**
 * Flags (signalen). Group workers and coordinators only: admins get 403 on every route, parents have
 * none. A flag someone may not reach is not found (404), never "forbidden". No list carries text;
 * text leaves only through `open`, after step-up, audited with its purpose. There is no route that
 * edits or deletes: corrections are amendments.
 */
@ApiTags('flags')
@Controller('flags')
export class FlagsController {
  constructor(
    private readonly logging: LogFlagService,
    private readonly lists: FlagListsService,
    private readonly reading: FlagReadingService,
    private readonly followUp: FlagFollowUpService,
  ) {}

  @Post()
  @Staff('group_worker', 'coordinator')
  @ApiOperation({ summary: 'Log a flag about a family of one’s groups (coordinators: any family); urgent alerts the coordinators' })
  create(
    @CurrentStaff() staff: AuthenticatedStaff,
    @Body() body: FlagDraftDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<FlagCreated> {
    return this.logging.create(staff, body, localeFromAcceptLanguage(acceptLanguage));
  }

  @Get('mine')
  @Staff('group_worker', 'coordinator')
  @ApiOperation({ summary: 'The flags I logged, without text' })
  mine(@CurrentStaff() staff: AuthenticatedStaff): Promise<FlagSummary[]> {
    return this.lists.mine(staff);
  }

  @Get(':id')
  @Staff('group_worker', 'coordinator')
  @ApiOperation({ summary: 'One flag without its text: its author or a coordinator' })
  one(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<FlagSummary> {
    return this.lists.one(staff, id);
  }

  @Get()
  @Staff('coordinator')
  @ApiOperation({ summary: 'Coordinators: the inbox (every flag not closed unless a status is asked), without text' })
  inbox(@Query() query: FlagListQueryDto): Promise<FlagSummary[]> {
    return this.lists.inbox(query);
  }

  @Post(':id/open')
  @Staff('group_worker', 'coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'The text, for a purpose: its author or a coordinator, after step-up; audited as a read' })
  open(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: OpenFlagDto,
    @RequestLocale() locale: Locale,
  ): Promise<FlagDetail> {
    return this.reading.open(staff, id, body, locale);
  }

  @Post(':id/amendments')
  @Staff('group_worker', 'coordinator')
  @ApiOperation({ summary: 'A correction or addition (its author or a coordinator); nothing is edited in place' })
  amend(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: FlagAmendmentDto,
  ): Promise<FlagAmendmentCreated> {
    return this.followUp.amend(staff, id, body);
  }

  @Post(':id/transitions')
  @Staff('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Coordinators: a new status with a rationale (watchful waiting: a review date; closing: a reason)' })
  transition(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: FlagTransitionDto,
  ): Promise<FlagSummary> {
    return this.followUp.transition(staff, id, body);
  }

  @Post(':id/reconfirm')
  @Staff('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Coordinators: the concern still holds (with a reason); the twelve months until expiry start again' })
  reconfirm(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: FlagReconfirmDto): Promise<FlagSummary> {
    return this.followUp.reconfirm(staff, id, body);
  }
}
