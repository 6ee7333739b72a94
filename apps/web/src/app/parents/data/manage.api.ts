import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, ManageView } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** What a parent can do with the link from their SMS or e-mail. */
export type ManageAction = 'skip' | 'unskip' | 'cancel' | 'accept';

/** The manage link's resource: the link's token is the key (410 `link_expired` when it no longer works). */
@Injectable({ providedIn: 'root' })
export class ManageApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  view(token: string): Observable<ManageView> {
    return this.http.get<ManageView>(this.url(token));
  }

  /** The language of the messages we send. */
  setLocale(token: string, locale: Locale): Observable<ManageView> {
    return this.http.patch<ManageView>(this.url(token), { locale });
  }

  /** "Ik kan deze keer niet" (skip) and "Ik kan toch komen" (unskip), cancel or leave the waitlist, or "Ja, ik kom" (accept). */
  change(token: string, registrationId: string, action: ManageAction): Observable<ManageView> {
    return this.http.post<ManageView>(`${this.url(token)}/registrations/${encodeURIComponent(registrationId)}/${action}`, {});
  }

  /** "Stoppen met deze reeks": every coming date of the group cancelled at once, one message. */
  stopSeries(token: string, groupId: string): Observable<ManageView> {
    return this.http.post<ManageView>(`${this.url(token)}/groups/${encodeURIComponent(groupId)}/stop`, {});
  }

  private url(token: string): string {
    return `${this.baseUrl}/public/manage/${encodeURIComponent(token)}`;
  }
}
