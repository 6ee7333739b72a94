import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, TwoFactorState } from '@kring/domain';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { RequestContext } from '../common/request-context';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { clearSessionCookie, CSRF_COOKIE, CSRF_HEADER, readCookie, SESSION_COOKIE } from '../auth/cookies';
import { SessionService, type AuthenticatedStaff } from '../auth/session.service';
import { sameToken } from '../auth/tokens';
import { ACCESS_KEY, type AccessRule } from './access.decorators';
import { NO_ACCESS, TWO_FACTOR_FIRST } from '../common/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default. Every route must declare who may call it (`@Public`, `@Staff`, …); one that
 * does not is refused. Also: the session behind the cookie, the two-factor step, roles, and the
 * anti-forgery check on every state-changing request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly context: RequestContext,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<Request & { staff?: AuthenticatedStaff }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!rule) {
      this.logger.error({ route: `${ctx.getClass().name}.${ctx.getHandler().name}` }, 'Route without an access declaration refused');
      throw new DomainError(ErrorCode.Forbidden, NO_ACCESS);
    }

    const token = readCookie(req, SESSION_COOKIE);
    const staff = token ? await this.sessions.resolve(token) : null;
    if (token && !staff) clearSessionCookie(res, this.settings.secureCookies);

    if (!SAFE_METHODS.has(req.method)) this.assertCsrf(req, staff);

    if (rule.kind === 'public') {
      if (staff) this.identify(req, staff);
      return true;
    }
    if (!staff) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in first.');
    this.identify(req, staff);
    if (!rule.beforeTwoFactor && staff.twoFactor.state !== TwoFactorState.Satisfied) {
      throw new DomainError(ErrorCode.TwoFactorRequired, TWO_FACTOR_FIRST);
    }
    if (rule.roles.length > 0 && !rule.roles.some((r) => staff.roles.includes(r))) {
      throw new DomainError(ErrorCode.Forbidden, NO_ACCESS);
    }
    return true;
  }

  private identify(req: Request & { staff?: AuthenticatedStaff }, staff: AuthenticatedStaff): void {
    req.staff = staff;
    this.context.setStaff(staff.id, staff.sessionId);
  }

  /** Double submit: the header must equal the cookie, and, when signed in, the session's own token. */
  private assertCsrf(req: Request, staff: AuthenticatedStaff | null): void {
    const header = req.headers[CSRF_HEADER];
    const cookie = readCookie(req, CSRF_COOKIE);
    const ok =
      typeof header === 'string' && header.length >= 16 && header === cookie && (staff === null || sameToken(header, staff.csrfHash));
    if (!ok) throw new DomainError(ErrorCode.CsrfFailed, 'This request lacked its anti-forgery token. Reload the page and try again.');
  }
}
