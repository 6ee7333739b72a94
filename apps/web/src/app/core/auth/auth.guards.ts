import { inject } from '@angular/core';
import type { CanActivateFn, CanMatchFn } from '@angular/router';
import { RedirectCommand, Router } from '@angular/router';
import type { StaffRole } from '@kring/domain';
import { TwoFactorState } from '@kring/domain';
import { AUTH_PATHS, AuthFlow } from './auth-flow';
import { SessionStore } from './session.store';

/**
 * The address being navigated to (guards run before the router's own `url` changes).
 * Like every `inject()` in a guard, call it before the first `await`.
 */
function attemptedUrl(): string {
  const router = inject(Router);
  const navigation = router.currentNavigation();
  return navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;
}

/** Signed-in staff only; anyone else goes to the sign-in page and comes back afterwards. */
export const signedInGuard: CanMatchFn = async () => {
  const flow = inject(AuthFlow);
  const url = attemptedUrl();
  const session = await inject(SessionStore).whenKnown();
  return session ? true : flow.signInUrl(url);
};

/** The two-factor step (the code, or setting it up) comes before any staff page. */
export const twoFactorGuard: CanMatchFn = async () => {
  const flow = inject(AuthFlow);
  const url = attemptedUrl();
  const session = await inject(SessionStore).whenKnown();
  if (!session) return flow.signInUrl(url);
  return flow.twoFactorStepUrl(session, url) ?? true;
};

/**
 * Only people with one of these roles. Others see a kind "not for you" page, while the
 * address bar keeps what they typed.
 */
export function roleGuard(...roles: readonly StaffRole[]): CanMatchFn {
  return async () => {
    const router = inject(Router);
    const flow = inject(AuthFlow);
    const url = attemptedUrl();
    const session = await inject(SessionStore).whenKnown();
    if (!session) return flow.signInUrl(url);
    if (roles.some((role) => session.user.roles.includes(role))) return true;
    return new RedirectCommand(router.parseUrl(AUTH_PATHS.noAccess), { browserUrl: url });
  };
}

/** Everything a staff page needs, in order: signed in, past the two-factor step, the right role. */
export function staffOnly(...roles: readonly StaffRole[]): CanMatchFn[] {
  return roles.length > 0 ? [signedInGuard, twoFactorGuard, roleGuard(...roles)] : [signedInGuard, twoFactorGuard];
}

function returnUrlOf(route: Parameters<CanActivateFn>[0]): string | null {
  return route.queryParamMap.get('returnUrl');
}

/** The sign-in page, unless already signed in: then on to the next step or back. */
export const signInPageGuard: CanActivateFn = async (route) => {
  const flow = inject(AuthFlow);
  const session = await inject(SessionStore).whenKnown();
  return session ? flow.nextUrl(session, returnUrlOf(route)) : true;
};

/** The code page only while a code is asked; otherwise wherever this session should be. */
export const twoFactorCodePageGuard: CanActivateFn = async (route) => {
  const flow = inject(AuthFlow);
  const session = await inject(SessionStore).whenKnown();
  if (!session) return flow.signInUrl(returnUrlOf(route));
  if (session.twoFactor.state === TwoFactorState.CodeRequired) return true;
  return flow.nextUrl(session, returnUrlOf(route));
};

/** Setting up two-factor sign-in: for anyone signed in who has not set it up yet. */
export const twoFactorEnrolmentPageGuard: CanActivateFn = async (route) => {
  const flow = inject(AuthFlow);
  const session = await inject(SessionStore).whenKnown();
  if (!session) return flow.signInUrl(returnUrlOf(route));
  if (session.twoFactor.state === TwoFactorState.CodeRequired || session.twoFactor.enrolled) {
    return flow.nextUrl(session, returnUrlOf(route));
  }
  return true;
};
