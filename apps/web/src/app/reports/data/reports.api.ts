import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, ReachFilters, ReachReport, StaffGroupSummary } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** The funder report: counts only, already suppressed by the API. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  reach(filters: ReachFilters): Observable<ReachReport> {
    return this.http.get<ReachReport>(`${this.base}/reports/reach`, { params: params(filters) });
  }

  /** The same report as CSV, headings in `locale` (a link: the browser downloads it). */
  csvUrl(filters: ReachFilters, locale: Locale): string {
    return `${this.base}/reports/reach.csv?${params(filters).set('locale', locale).toString()}`;
  }

  /** Every group, for the group filter (coordinators see all). */
  groups(): Observable<StaffGroupSummary[]> {
    return this.http.get<StaffGroupSummary[]>(`${this.base}/staff/groups`);
  }
}

function params(filters: ReachFilters): HttpParams {
  let p = new HttpParams().set('from', filters.from).set('to', filters.to);
  if (filters.locationId) p = p.set('locationId', filters.locationId);
  if (filters.groupId) p = p.set('groupId', filters.groupId);
  if (filters.kind) p = p.set('kind', filters.kind);
  return p;
}
