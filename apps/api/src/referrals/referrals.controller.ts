import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReferralCreated, ReferralDetail, ReferralPacketPreview, ReferralSent, ReferralSummary } from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import {
  ApprovePacketDto,
  CloseReferralDto,
  CreateReferralDto,
  ExceptionDecisionDto,
  OpenReferralDto,
  ParentLinkDto,
  RecordConsentDto,
  ReferralListQueryDto,
  ReferralTransitionDto,
  RequestExceptionDto,
  SendReferralDto,
  WarmHandoverDto,
} from './dto/referral.dto';
import { ReferralBoardService } from './referral-board.service';
import { ReferralDeliveryService } from './referral-delivery.service';
import { ReferralParentService } from './referral-parent.service';
import { ReferralReadingService } from './referral-reading.service';
import { ReferralStepsService } from './referral-steps.service';

/**
 * Referrals (doorverwijzingen), coordinators only: group workers, admins and parents get 403 here (a
 * group worker sees only that a flag they wrote became `referred`, on the flag). No list carries text;
 * reason and packet leave only through `open` and `packet/open`, after step-up, audited with a purpose.
 */
@ApiTags('referrals')
@Staff('coordinator')
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly board: ReferralBoardService,
    private readonly steps: ReferralStepsService,
    private readonly reading: ReferralReadingService,
    private readonly delivery: ReferralDeliveryService,
    private readonly parent: ReferralParentService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A draft referral from flags of one family, or from the family page; reason sealed' })
  create(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: CreateReferralDto): Promise<ReferralCreated> {
    return this.board.create(staff, body);
  }

  @Get()
  @ApiOperation({ summary: 'The board: referrals without text (filter by status, exception, follow-up due)' })
  list(@Query() query: ReferralListQueryDto): Promise<ReferralSummary[]> {
    return this.board.list(query);
  }

  @Get('exceptions')
  @ApiOperation({ summary: 'The review list: every referral made or asked without consent, without text' })
  exceptions(): Promise<ReferralSummary[]> {
    return this.reading.exceptions();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One referral without text' })
  one(@UuidParam('id') id: string): Promise<ReferralSummary> {
    return this.board.one(id);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'The referral with its text and timeline, for a purpose, after step-up; audited as a read' })
  open(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: OpenReferralDto): Promise<ReferralDetail> {
    return this.reading.open(staff, id, body);
  }

  @Post(':id/packet/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'The packet exactly as the service would see it, with its hash; step-up, audited as a read' })
  packet(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: OpenReferralDto,
  ): Promise<ReferralPacketPreview> {
    return this.reading.packet(staff, id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'A plain step (discussing, declined, withdrawn, accepted, follow_up, draft) with a rationale' })
  transition(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: ReferralTransitionDto,
  ): Promise<ReferralSummary> {
    return this.steps.transition(staff, id, body);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Granular consent (fields, how, language, explainer, valid until); the referral becomes consented' })
  consent(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: RecordConsentDto,
  ): Promise<ReferralSummary> {
    return this.steps.consent(staff, id, body);
  }

  @Post(':id/exception')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask to send without consent: legal basis, justification, whether and by when the parent is told' })
  exception(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: RequestExceptionDto,
  ): Promise<ReferralSummary> {
    return this.steps.requestException(staff, id, body);
  }

  @Post(':id/exception/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'A second coordinator approves or rejects the exception with a reason (403 for the one who asked)' })
  decide(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: ExceptionDecisionDto,
  ): Promise<ReferralSummary> {
    return this.steps.decideException(staff, id, body);
  }

  @Post(':id/exception/parent-informed')
  @HttpCode(200)
  @ApiOperation({ summary: 'The parent has been told about the exception (stops the reminder)' })
  informed(@UuidParam('id') id: string): Promise<ReferralSummary> {
    return this.steps.parentInformed(id);
  }

  @Post(':id/packet/approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the parent approved this preview on the screen (its hash); any change later needs a new approval' })
  approve(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: ApprovePacketDto,
  ): Promise<ReferralSummary> {
    return this.delivery.approveByCoordinator(staff, id, body);
  }

  @Post(':id/parent-link')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the parent a single-purpose expiring link (their contact profile decides channel and language)' })
  parentLink(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: ParentLinkDto,
  ): Promise<{ expiresAt: string; messaged: boolean }> {
    return this.parent.issueLink(staff, id, body);
  }

  @Post(':id/send')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the approved packet (hash checked) by the service’s channel; secure link: an expiring, logged link' })
  send(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: SendReferralDto): Promise<ReferralSent> {
    return this.delivery.send(staff, id, body);
  }

  @Put(':id/warm-handover')
  @ApiOperation({ summary: 'Warm handover planned: date, place, who goes along' })
  handover(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: WarmHandoverDto,
  ): Promise<ReferralSummary> {
    return this.delivery.warmHandover(staff, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close with an outcome from the list and a note' })
  close(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Body() body: CloseReferralDto): Promise<ReferralSummary> {
    return this.steps.close(staff, id, body);
  }
}
