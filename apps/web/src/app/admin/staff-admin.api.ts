import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CreateStaffUserRequest,
  CreatedStaffUser,
  Page,
  SetPasswordLink,
  StaffUserQuery,
  StaffUserSummary,
  UpdateStaffUserRequest,
} from '@kring/domain';
import { API_BASE_URL } from '../core/http/api-base-url';

/** The admin's staff accounts resource. */
@Injectable({ providedIn: 'root' })
export class StaffAdminApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/admin/staff`;

  list(query: StaffUserQuery): Observable<Page<StaffUserSummary>> {
    const params: Record<string, string | number> = {};
    if (query.search?.trim()) params['search'] = query.search.trim();
    if (query.page !== undefined) params['page'] = query.page;
    if (query.pageSize !== undefined) params['pageSize'] = query.pageSize;
    return this.http.get<Page<StaffUserSummary>>(this.url, { params });
  }

  /** A new account and the one-time link for its owner to choose a password. */
  create(request: CreateStaffUserRequest): Observable<CreatedStaffUser> {
    return this.http.post<CreatedStaffUser>(this.url, request);
  }

  update(id: string, changes: UpdateStaffUserRequest): Observable<StaffUserSummary> {
    return this.http.patch<StaffUserSummary>(`${this.url}/${encodeURIComponent(id)}`, changes);
  }

  /** A new set-password link; earlier links of this person stop working. */
  newSetPasswordLink(id: string): Observable<SetPasswordLink> {
    return this.http.post<SetPasswordLink>(`${this.url}/${encodeURIComponent(id)}/set-password-link`, {});
  }

  resetTwoFactor(id: string): Observable<void> {
    return this.http.post<void>(`${this.url}/${encodeURIComponent(id)}/reset-two-factor`, {});
  }

  revokeSessions(id: string): Observable<void> {
    return this.http.post<void>(`${this.url}/${encodeURIComponent(id)}/revoke-sessions`, {});
  }
}
