import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, PublicGroupList, PublicGroupPage, PublicSession, PublicSessionQuery } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** What parents find without an account: coming sessions, groups and a group's page. */
@Injectable({ providedIn: 'root' })
export class PublicFinderApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Sessions of the next eight weeks, filtered by the child's age (and optionally place, day, language). */
  sessions(query: PublicSessionQuery): Observable<PublicSession[]> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params[key] = String(value);
    }
    return this.http.get<PublicSession[]>(`${this.baseUrl}/public/sessions`, { params });
  }

  /** Every active group with its plain-language description (Dutch where no translation exists). */
  groups(locale: Locale): Observable<PublicGroupList> {
    return this.http.get<PublicGroupList>(`${this.baseUrl}/public/groups`, { params: { locale } });
  }

  group(id: string, locale: Locale): Observable<PublicGroupPage> {
    return this.http.get<PublicGroupPage>(`${this.baseUrl}/public/groups/${encodeURIComponent(id)}`, { params: { locale } });
  }

  /** The group's meetings as a calendar file (a plain link: the phone's calendar opens it). */
  calendarUrl(groupId: string, locale: Locale): string {
    return `${this.baseUrl}/public/groups/${encodeURIComponent(groupId)}/calendar.ics?locale=${locale}`;
  }
}
