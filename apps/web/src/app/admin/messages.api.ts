import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { OutboxMessageView, Page } from '@kring/domain';
import { API_BASE_URL } from '../core/http/api-base-url';

/** What Kring sent, or (with no SMTP or SMS provider configured) would have sent: admins only. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/admin/messages`;

  list(page: number, pageSize: number): Observable<Page<OutboxMessageView>> {
    return this.http.get<Page<OutboxMessageView>>(this.url, { params: { page, pageSize } });
  }
}
