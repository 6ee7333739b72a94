import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LINK_TOKEN_HEADER, type ParentReferralView, type ReferralPacket } from '@kring/domain';
import { Public } from '../access/access.decorators';
import { LinkToken } from '../common/link-token';
import { ApprovePacketDto, ParentContactProfileDto, ParentWithdrawDto } from './dto/referral.dto';
import { ReferralParentService } from './referral-parent.service';

const TOKEN = {
  name: LINK_TOKEN_HEADER,
  description: 'The token of the link (from the page address’s fragment; never in the path, where logs keep it)',
};

/**
 * The parent's side of a referral and the service's link, without an account. Each works only with
 * its own single-purpose, expiring link (410 otherwise, the same for unknown, expired and revoked).
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicReferralsController {
  constructor(private readonly parent: ReferralParentService) {}

  @Get('referral-link')
  @ApiHeader(TOKEN)
  @ApiOperation({ summary: 'The parent: what is (or was) shared, with whom and when; the preview; the contact profile' })
  view(@LinkToken() token: string): Promise<ParentReferralView> {
    return this.parent.view(token);
  }

  @Post('referral-link/approval')
  @HttpCode(200)
  @ApiHeader(TOKEN)
  @ApiOperation({ summary: 'The parent approves exactly the preview they saw (its hash)' })
  approve(@LinkToken() token: string, @Body() body: ApprovePacketDto): Promise<ParentReferralView> {
    return this.parent.approve(token, body.hash);
  }

  @Post('referral-link/withdrawal')
  @HttpCode(200)
  @ApiHeader(TOKEN)
  @ApiOperation({ summary: 'The parent withdraws consent: the referral pauses and the coordinator is told (without content)' })
  withdraw(@LinkToken() token: string, @Body() body: ParentWithdrawDto): Promise<ParentReferralView> {
    return this.parent.withdraw(token, body.rationale);
  }

  @Put('referral-link/contact-profile')
  @ApiHeader(TOKEN)
  @ApiOperation({ summary: 'How the parent wants to be contacted about this referral (channel, language, times, what to avoid)' })
  contactProfile(@LinkToken() token: string, @Body() body: ParentContactProfileDto): Promise<ParentReferralView> {
    return this.parent.setContactProfile(token, body);
  }

  @Post('referral-packet/open')
  @HttpCode(200)
  @ApiHeader(TOKEN)
  @ApiOperation({ summary: 'The receiving service opens the sent packet; every open is recorded with its time' })
  serviceOpen(@LinkToken() token: string): Promise<{ packet: ReferralPacket; hash: string; openedAt: string }> {
    return this.parent.serviceOpen(token);
  }
}
