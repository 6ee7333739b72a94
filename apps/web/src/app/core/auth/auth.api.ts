import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  ChangePasswordRequest,
  RecoveryCodes,
  SessionInfo,
  SetPasswordLinkInfo,
  SetPasswordRequest,
  SignInRequest,
  TwoFactorEnrolment,
} from '@kring/domain';
import { LINK_TOKEN_HEADER } from '@kring/domain';
import { API_BASE_URL } from '../http/api-base-url';

/** The auth resource of the API: the session, sign-in, the two-factor step and passwords. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/auth`;

  /** Who is signed in (401 when nobody). Also gives the browser its anti-forgery cookie. */
  session(): Observable<SessionInfo> {
    return this.http.get<SessionInfo>(`${this.url}/session`);
  }

  signIn(request: SignInRequest): Observable<SessionInfo> {
    return this.http.post<SessionInfo>(`${this.url}/sign-in`, request);
  }

  /** A six-digit code from the app, or a recovery code. */
  verifyTwoFactor(code: string): Observable<SessionInfo> {
    return this.http.post<SessionInfo>(`${this.url}/two-factor/verify`, { code });
  }

  startEnrolment(): Observable<TwoFactorEnrolment> {
    return this.http.post<TwoFactorEnrolment>(`${this.url}/two-factor/enrolment`, {});
  }

  confirmEnrolment(code: string): Observable<RecoveryCodes> {
    return this.http.post<RecoveryCodes>(`${this.url}/two-factor/enrolment/confirm`, { code });
  }

  signOut(): Observable<void> {
    return this.http.post<void>(`${this.url}/sign-out`, {});
  }

  /** Ends every session of the signed-in person, this one included. */
  signOutEverywhere(): Observable<void> {
    return this.http.post<void>(`${this.url}/sign-out-everywhere`, {});
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.url}/password`, request);
  }

  /** Whose account a set-password link is for (410 `link_expired` when it cannot be used). */
  describeSetPasswordLink(token: string): Observable<SetPasswordLinkInfo> {
    // The token goes in a header, never in the address (where logs would keep it).
    return this.http.get<SetPasswordLinkInfo>(`${this.url}/set-password`, { headers: { [LINK_TOKEN_HEADER]: token } });
  }

  setPassword(request: SetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.url}/set-password`, request);
  }
}
