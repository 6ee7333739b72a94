import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, SessionQuery, SessionView, UpdateSessionRequest } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Sessions (bijeenkomsten): the planning in a period, mine, one, and changing or cancelling one. */
@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/sessions`;

  /** At most 190 days at a time; filters that are not set are left out. */
  list(query: SessionQuery): Observable<SessionView[]> {
    const params: Record<string, string> = { from: query.from, to: query.to };
    for (const key of ['locationId', 'groupId', 'facilitatorId', 'locale'] as const) {
      const value = query[key];
      if (value) params[key] = value;
    }
    return this.http.get<SessionView[]>(this.url, { params });
  }

  /** The sessions I facilitate in a period. */
  mine(from: string, to: string, locale: Locale): Observable<SessionView[]> {
    return this.http.get<SessionView[]>(`${this.url}/mine`, { params: { from, to, locale } });
  }

  get(id: string, locale: Locale): Observable<SessionView> {
    return this.http.get<SessionView>(`${this.url}/${encodeURIComponent(id)}`, { params: { locale } });
  }

  update(id: string, request: UpdateSessionRequest, locale: Locale): Observable<SessionView> {
    return this.http.patch<SessionView>(`${this.url}/${encodeURIComponent(id)}`, request, { params: { locale } });
  }

  /** Cancels one session; families registered for it are told (by the API). */
  cancel(id: string, reason: string, locale: Locale): Observable<SessionView> {
    return this.http.post<SessionView>(`${this.url}/${encodeURIComponent(id)}/cancel`, { reason }, { params: { locale } });
  }
}
