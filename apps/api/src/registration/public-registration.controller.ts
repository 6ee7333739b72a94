import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LINK_TOKEN_HEADER,
  type CentreContact,
  type ManageView,
  type PrivacyNotice,
  type PublicGroupPage,
  type PublicRegisterResponse,
  type PublicSession,
} from '@kring/domain';
import { Public } from '../access/access.decorators';
import { LinkToken } from '../common/link-token';
import { UuidParam } from '../common/uuid-param';
import { LocaleQuery } from '../common/locale.query';
import { PublicSessionQueryDto } from './dto/finder.dto';
import { ManageLocaleDto, RegisterDto } from './dto/register.dto';
import { PublicFinderService } from './public-finder.service';
import { ManageLinkService } from './manage-link.service';
import { privacyNotice } from './privacy-notice';
import { RegistrationService } from './registration.service';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from './registration.settings';

/** Parents, without an account: register, then manage through the link that came with it. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicRegistrationController {
  constructor(
    private readonly registrations: RegistrationService,
    private readonly link: ManageLinkService,
    private readonly finder: PublicFinderService,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Coming sessions (8 weeks), by child’s age, place, weekday and spoken language' })
  sessions(@Query() query: PublicSessionQueryDto): Promise<PublicSession[]> {
    return this.finder.sessions(query);
  }

  @Get('groups/:id')
  @ApiOperation({ summary: 'A group’s page: what happens, where, who leads it, when' })
  group(@UuidParam('id') id: string, @Query() query: LocaleQuery): Promise<PublicGroupPage> {
    return this.finder.group(id, query.locale);
  }

  @Get('privacy-notice')
  @ApiOperation({ summary: 'The privacy notice (and its version) in a language' })
  notice(@Query() query: LocaleQuery): PrivacyNotice {
    return privacyNotice(query.locale);
  }

  @Get('centre')
  @ApiOperation({ summary: 'How parents reach the centre with a question: phone (tap to call) and e-mail' })
  centre(): CentreContact {
    return this.settings.centre;
  }

  @Post('registrations')
  @ApiOperation({ summary: 'Register a family for a session or a series; a full session means the waitlist, never an error' })
  register(@Body() body: RegisterDto): Promise<PublicRegisterResponse> {
    return this.registrations.register(body);
  }

  @Get('manage')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link (never in the path, where logs keep it)' })
  @ApiOperation({ summary: 'My registrations (410 for an unknown or expired link)' })
  manage(@LinkToken() token: string): Promise<ManageView> {
    return this.link.manage(token);
  }

  @Patch('manage')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @ApiOperation({ summary: 'Change the language of my messages' })
  setLocale(@LinkToken() token: string, @Body() body: ManageLocaleDto): Promise<ManageView> {
    return this.link.setLocale(token, body.locale);
  }

  @Post('manage/registrations/:id/skip')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @HttpCode(200)
  @ApiOperation({ summary: '"Not this week": frees this session’s seat, the series stays' })
  skip(@LinkToken() token: string, @UuidParam('id') id: string): Promise<ManageView> {
    return this.link.change(token, id, 'skip');
  }

  @Post('manage/registrations/:id/unskip')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @HttpCode(200)
  @ApiOperation({ summary: '"I can come after all": a skipped date is placed again (a seat, or the back of the waitlist), with a message' })
  unskip(@LinkToken() token: string, @UuidParam('id') id: string): Promise<ManageView> {
    return this.link.unskip(token, id);
  }

  @Post('manage/registrations/:id/cancel')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a registration, or leave the waitlist' })
  cancel(@LinkToken() token: string, @UuidParam('id') id: string): Promise<ManageView> {
    return this.link.change(token, id, 'cancel');
  }

  @Post('manage/groups/:groupId/stop')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop a whole series: every coming date cancelled, one message' })
  stopSeries(@LinkToken() token: string, @UuidParam('groupId') groupId: string): Promise<ManageView> {
    return this.link.stopSeries(token, groupId);
  }

  @Post('manage/registrations/:id/accept')
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the manage link' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Say yes to an offered seat' })
  accept(@LinkToken() token: string, @UuidParam('id') id: string): Promise<ManageView> {
    return this.link.change(token, id, 'accept');
  }
}
