import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, PublicGroupList } from '@kring/domain';
import { API_BASE_URL } from '../core/http/api-base-url';

/** The public groups resource of the API: what parents may see without an account. */
@Injectable({ providedIn: 'root' })
export class PublicGroupsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Groups with their title and description in `locale`, or in Dutch where no translation exists. */
  list(locale: Locale): Observable<PublicGroupList> {
    return this.http.get<PublicGroupList>(`${this.baseUrl}/public/groups`, { params: { locale } });
  }
}
