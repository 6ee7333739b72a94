import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, StaffGroupSummary } from '@kring/domain';
import { API_BASE_URL } from '../core/http/api-base-url';

/** The staff groups resource: a group worker's own groups, or every group for a coordinator. */
@Injectable({ providedIn: 'root' })
export class StaffGroupsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/staff/groups`;

  list(locale: Locale): Observable<StaffGroupSummary[]> {
    return this.http.get<StaffGroupSummary[]>(this.url, { params: { locale } });
  }

  get(id: string, locale: Locale): Observable<StaffGroupSummary> {
    return this.http.get<StaffGroupSummary>(`${this.url}/${encodeURIComponent(id)}`, { params: { locale } });
  }
}
