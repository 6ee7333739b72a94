import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Someone who can lead a group: an active group worker or coordinator. */
export interface Facilitator {
  id: string;
  displayName: string;
}

/** The people a group or session can be led by (for the facilitator pickers and filters). */
@Injectable({ providedIn: 'root' })
export class FacilitatorsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/staff/facilitators`;

  list(): Observable<Facilitator[]> {
    return this.http.get<Facilitator[]>(this.url);
  }
}
