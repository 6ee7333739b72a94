import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CalendarFeedLink } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** My private calendar link (an iCalendar feed of the sessions I facilitate). */
@Injectable({ providedIn: 'root' })
export class CalendarFeedApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/calendar/feed`;

  /** A new link; the previous one stops working. */
  renew(): Observable<CalendarFeedLink> {
    return this.http.post<CalendarFeedLink>(this.url, {});
  }

  revoke(): Observable<void> {
    return this.http.delete<void>(this.url);
  }
}
