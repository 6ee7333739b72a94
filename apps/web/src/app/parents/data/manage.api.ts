import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, ManageView } from '@kring/domain';
import { LINK_TOKEN_HEADER } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** What a parent can do with the link from their SMS or e-mail. */
export type ManageAction = 'skip' | 'unskip' | 'cancel' | 'accept';

/**
 * The manage link's resource: the link's token is the key (410 `link_expired` when it no longer works),
 * sent in the `X-Link-Token` header, never in the address (where logs would keep it).
 */
@Injectable({ providedIn: 'root' })
export class ManageApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  view(token: string): Observable<ManageView> {
    return this.http.get<ManageView>(this.url, this.options(token));
  }

  /** The language of the messages we send. */
  setLocale(token: string, locale: Locale): Observable<ManageView> {
    return this.http.patch<ManageView>(this.url, { locale }, this.options(token));
  }

  /** "Ik kan deze keer niet" (skip) and "Ik kan toch komen" (unskip), cancel or leave the waitlist, or "Ja, ik kom" (accept). */
  change(token: string, registrationId: string, action: ManageAction): Observable<ManageView> {
    return this.http.post<ManageView>(`${this.url}/registrations/${encodeURIComponent(registrationId)}/${action}`, {}, this.options(token));
  }

  /** "Stoppen met deze reeks": every coming date of the group cancelled at once, one message. */
  stopSeries(token: string, groupId: string): Observable<ManageView> {
    return this.http.post<ManageView>(`${this.url}/groups/${encodeURIComponent(groupId)}/stop`, {}, this.options(token));
  }

  private get url(): string {
    return `${this.baseUrl}/public/manage`;
  }

  private options(token: string): { headers: Record<string, string> } {
    return { headers: { [LINK_TOKEN_HEADER]: token } };
  }
}
