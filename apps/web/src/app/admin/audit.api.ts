import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AuditEventView, AuditQuery, Page } from '@kring/domain';
import { API_BASE_URL } from '../core/http/api-base-url';

/** The audit trail (admins only), newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/admin/audit`;

  list(query: AuditQuery): Observable<Page<AuditEventView>> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params[key] = value as string | number;
    }
    return this.http.get<Page<AuditEventView>>(this.url, { params });
  }
}
