import { Injectable, inject } from '@angular/core';
import type { UrlTree } from '@angular/router';
import { Router } from '@angular/router';
import type { SessionInfo } from '@kring/domain';
import { GROUP_WORK_ROLES, StaffRole, TwoFactorState } from '@kring/domain';

/** The addresses the sign-in flow moves between (Dutch, as people see them). */
export const AUTH_PATHS = {
  signIn: '/aanmelden',
  twoFactorCode: '/aanmelden/code',
  twoFactorEnrolment: '/aanmelden/tweestapsverificatie',
  noAccess: '/geen-toegang',
  changePassword: '/account/wachtwoord',
  myGroups: '/mijn-groepen',
  staffAdmin: '/beheer/medewerkers',
  audit: '/beheer/audit',
  messages: '/beheer/berichten',
} as const;

/** Why someone lands on the sign-in page, for the message shown there. */
export const SESSION_EXPIRED = 'session-expired';

/**
 * A `returnUrl` that is safe to go back to: a path on this site (never another origin, never
 * the sign-in pages themselves, which would loop). Anything else is null.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) return null;
  // "//evil.example" and "/\evil.example" are other origins to a browser.
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const path = value.split(/[?#]/)[0];
  if (path === AUTH_PATHS.signIn || path.startsWith(`${AUTH_PATHS.signIn}/`)) return null;
  return value;
}

/** Where a person starts after signing in: their own work first. */
export function landingPath(session: SessionInfo): string {
  const roles = session.user.roles;
  if (GROUP_WORK_ROLES.some((role) => roles.includes(role))) return AUTH_PATHS.myGroups;
  if (roles.includes(StaffRole.Admin)) return AUTH_PATHS.staffAdmin;
  return '/';
}

/** Builds the addresses of the sign-in flow, each carrying where to go back to afterwards. */
@Injectable({ providedIn: 'root' })
export class AuthFlow {
  private readonly router = inject(Router);

  signInUrl(returnUrl?: string | null, reason?: typeof SESSION_EXPIRED): UrlTree {
    const back = safeReturnUrl(returnUrl);
    return this.router.createUrlTree([AUTH_PATHS.signIn], {
      queryParams: { returnUrl: back && back !== '/' ? back : undefined, reason },
    });
  }

  /** The two-factor page this session must pass first, or null when the step is done. */
  twoFactorStepUrl(session: SessionInfo, returnUrl?: string | null): UrlTree | null {
    const path =
      session.twoFactor.state === TwoFactorState.CodeRequired
        ? AUTH_PATHS.twoFactorCode
        : session.twoFactor.state === TwoFactorState.EnrolmentRequired
          ? AUTH_PATHS.twoFactorEnrolment
          : null;
    if (path === null) return null;
    return this.router.createUrlTree([path], { queryParams: { returnUrl: safeReturnUrl(returnUrl) ?? undefined } });
  }

  /** Where to go after a step of signing in: the next step, else back, else the person's start page. */
  nextUrl(session: SessionInfo, returnUrl?: string | null): UrlTree {
    return this.twoFactorStepUrl(session, returnUrl) ?? this.router.parseUrl(safeReturnUrl(returnUrl) ?? landingPath(session));
  }
}
