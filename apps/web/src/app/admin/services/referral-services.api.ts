import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CreateReferralServiceRequest, ReferralServiceView, UpdateReferralServiceRequest } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** The admin's service directory resource (coordinators read `/referral-services`, with the referrals). */
@Injectable({ providedIn: 'root' })
export class ReferralServicesAdminApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/admin/referral-services`;

  /** Every service, deactivated ones last. */
  list(): Observable<ReferralServiceView[]> {
    return this.http.get<ReferralServiceView[]>(this.url);
  }

  create(request: CreateReferralServiceRequest): Observable<ReferralServiceView> {
    return this.http.post<ReferralServiceView>(this.url, request);
  }

  /** Only the fields given change; `active: false` deactivates (nothing is deleted). */
  update(id: string, changes: UpdateReferralServiceRequest): Observable<ReferralServiceView> {
    return this.http.patch<ReferralServiceView>(`${this.url}/${encodeURIComponent(id)}`, changes);
  }
}
