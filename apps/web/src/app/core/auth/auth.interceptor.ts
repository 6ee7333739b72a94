import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ErrorCode, isApiErrorBody } from '@kring/domain';
import { catchError, throwError } from 'rxjs';
import { API_BASE_URL } from '../http/api-base-url';
import { AUTH_PATHS, AuthFlow, SESSION_EXPIRED } from './auth-flow';
import { SessionStore } from './session.store';

/**
 * A 401 from these is an answer, not news of an ended session: "nobody is signed in", "wrong
 * password", and on signing out "you already were".
 */
const ANSWERS_WITH_401 = ['/auth/session', '/auth/sign-in', '/auth/sign-out'];

/**
 * Watches every API answer for an ended session or an open two-factor step:
 * - 401 (`unauthenticated`): forget the session and go to the sign-in page, which says kindly
 *   that the session ended and brings the person back here afterwards;
 * - 403 `two_factor_required`: go to the two-factor page this session needs.
 * The error still reaches the caller, so it can stop waiting.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const baseUrl = inject(API_BASE_URL);
  if (!request.url.startsWith(baseUrl)) return next(request);
  const path = request.url.slice(baseUrl.length).split('?')[0];
  // Looked up only when needed: the router and the store must not be built while the app
  // itself is still starting (the translations load through HttpClient too).
  const injector = inject(Injector);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        const code = isApiErrorBody(error.error) ? error.error.code : null;
        if (error.status === 401 && !ANSWERS_WITH_401.includes(path) && (code === null || code === ErrorCode.Unauthenticated)) {
          sessionEnded(injector);
        } else if (error.status === 403 && code === ErrorCode.TwoFactorRequired) {
          twoFactorFirst(injector);
        }
      }
      return throwError(() => error);
    }),
  );
};

/** Forget the session; to the sign-in page, which says why and brings the person back here. */
function sessionEnded(injector: Injector): void {
  const store = injector.get(SessionStore);
  const router = injector.get(Router);
  const wasSignedIn = store.isSignedIn();
  store.clear();
  if (!isOnSignInPage(router.url)) {
    void router.navigateByUrl(injector.get(AuthFlow).signInUrl(router.url, wasSignedIn ? SESSION_EXPIRED : undefined));
  }
}

/** Ask where this session stands with two-factor, and go to that page. */
function twoFactorFirst(injector: Injector): void {
  const store = injector.get(SessionStore);
  const router = injector.get(Router);
  const flow = injector.get(AuthFlow);
  const returnUrl = router.url;
  void store.load().then((session) => {
    const next = session ? flow.twoFactorStepUrl(session, returnUrl) : flow.signInUrl(returnUrl);
    return next ? router.navigateByUrl(next) : false;
  });
}

function isOnSignInPage(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return path === AUTH_PATHS.signIn || path.startsWith(`${AUTH_PATHS.signIn}/`);
}
