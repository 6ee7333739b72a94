import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LINK_TOKEN_HEADER, type RecoveryCodes, type SessionInfo, type SetPasswordLinkInfo, type TwoFactorEnrolment } from '@kring/domain';
import { CurrentStaff, Public, Staff, StaffBeforeTwoFactor } from '../access/access.decorators';
import { LinkToken } from '../common/link-token';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { AuthService } from './auth.service';
import { clearSessionCookie, setSessionCookies } from './cookies';
import { ChangePasswordDto, SetPasswordDto, SignInDto, TwoFactorCodeDto } from './dto/auth.dto';
import { SessionService, toSessionInfo, twoFactorOf, type AuthenticatedStaff } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; the session cookie follows' })
  async signIn(@Body() body: SignInDto, @Res({ passthrough: true }) res: Response): Promise<SessionInfo> {
    const { token, csrf } = await this.auth.signIn(body.email, body.password);
    setSessionCookies(res, this.settings.secureCookies, token, csrf);
    const staff = await this.sessions.resolve(token);
    if (!staff) throw new Error('A session just opened could not be read back');
    return toSessionInfo(staff);
  }

  @Get('session')
  @StaffBeforeTwoFactor()
  @ApiOperation({ summary: 'The signed-in person and where their two-factor step stands (401 when signed out)' })
  session(@CurrentStaff() staff: AuthenticatedStaff): SessionInfo {
    return toSessionInfo(staff);
  }

  @Post('sign-out')
  @StaffBeforeTwoFactor()
  @HttpCode(204)
  async signOut(@CurrentStaff() staff: AuthenticatedStaff, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(staff);
    clearSessionCookie(res, this.settings.secureCookies);
  }

  @Post('sign-out-everywhere')
  @Staff()
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the signed-in person, this one included' })
  async signOutEverywhere(@CurrentStaff() staff: AuthenticatedStaff, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOutEverywhere(staff);
    clearSessionCookie(res, this.settings.secureCookies);
  }

  @Post('two-factor/verify')
  @StaffBeforeTwoFactor()
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the code from the app (or a recovery code) after signing in' })
  async verify(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: TwoFactorCodeDto): Promise<SessionInfo> {
    await this.auth.verifyTwoFactor(staff, body.code);
    return toSessionInfo({ ...staff, twoFactor: twoFactorOf(staff.roles, true, true) });
  }

  @Post('two-factor/enrolment')
  @StaffBeforeTwoFactor()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start setting up two-factor sign-in: a QR code made on our server' })
  startEnrolment(@CurrentStaff() staff: AuthenticatedStaff): Promise<TwoFactorEnrolment> {
    return this.auth.startEnrolment(staff);
  }

  @Post('two-factor/enrolment/confirm')
  @StaffBeforeTwoFactor()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm with the first code; answers the recovery codes, once' })
  confirmEnrolment(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: TwoFactorCodeDto): Promise<RecoveryCodes> {
    return this.auth.confirmEnrolment(staff, body.code);
  }

  @Post('password')
  @Staff()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password; other sessions end' })
  changePassword(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(staff, body.currentPassword, body.newPassword);
  }

  @Get('set-password')
  @Public()
  @ApiHeader({ name: LINK_TOKEN_HEADER, description: 'The token of the set-password link (never in the path, where logs keep it)' })
  @ApiOperation({ summary: 'Whether a set-password link can be used (410 when not)' })
  describeLink(@LinkToken() token: string): Promise<SetPasswordLinkInfo> {
    return this.auth.describeLink(token);
  }

  @Post('set-password')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a password with a one-time link' })
  setPassword(@Body() body: SetPasswordDto): Promise<void> {
    return this.auth.setPasswordFromLink(body.token, body.password);
  }
}
