import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Signal } from '@angular/core';
import type { CentreContact } from '@kring/domain';
import { catchError, of } from 'rxjs';
import { API_BASE_URL } from '../../core/http/api-base-url';

/**
 * How parents reach the centre (phone and e-mail, set by the centre in `KRING_CENTRE_PHONE` and
 * `KRING_CENTRE_EMAIL`): asked once per visit, when a page first shows it. Null until known, and
 * when it cannot be asked: the pages say "call De Keerkring" in words anyway.
 */
@Injectable({ providedIn: 'root' })
export class CentreApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  readonly contact: Signal<CentreContact | null> = toSignal(
    this.http.get<CentreContact>(`${this.baseUrl}/public/centre`).pipe(catchError(() => of(null))),
    { initialValue: null },
  );
}
