import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ParentContactProfile, ParentReferralView, ReferralPacket } from '@kring/domain';
import { LINK_TOKEN_HEADER } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

export interface OpenedPacket {
  packet: ReferralPacket;
  hash: string;
  openedAt: string;
}

/**
 * The parent's referral link and the service's packet link, without an account: the token goes in
 * the `X-Link-Token` header (410 `link_expired` when the link no longer works), never in the address.
 * Nothing of the answers is kept in browser storage.
 */
@Injectable({ providedIn: 'root' })
export class ReferralLinkApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  view(token: string): Observable<ParentReferralView> {
    return this.http.get<ParentReferralView>(`${this.baseUrl}/public/referral-link`, this.options(token));
  }

  /** "Ja, dit mag gedeeld worden": exactly the preview that was shown (its hash). */
  approve(token: string, hash: string): Observable<ParentReferralView> {
    return this.http.post<ParentReferralView>(`${this.baseUrl}/public/referral-link/approval`, { hash }, this.options(token));
  }

  withdraw(token: string): Observable<ParentReferralView> {
    return this.http.post<ParentReferralView>(`${this.baseUrl}/public/referral-link/withdrawal`, {}, this.options(token));
  }

  contactProfile(token: string, profile: ParentContactProfile): Observable<ParentReferralView> {
    return this.http.put<ParentReferralView>(`${this.baseUrl}/public/referral-link/contact-profile`, profile, this.options(token));
  }

  /** The service opens the sent packet: the API records every open with its time. */
  openPacket(token: string): Observable<OpenedPacket> {
    return this.http.post<OpenedPacket>(`${this.baseUrl}/public/referral-packet/open`, {}, this.options(token));
  }

  private options(token: string): { headers: Record<string, string> } {
    return { headers: { [LINK_TOKEN_HEADER]: token } };
  }
}
