import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Locale, PrivacyNotice, RegisterRequest, RegisterResponse } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Registering without an account, and the privacy notice parents agree to first. */
@Injectable({ providedIn: 'root' })
export class RegistrationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  privacyNotice(locale: Locale): Observable<PrivacyNotice> {
    return this.http.get<PrivacyNotice>(`${this.baseUrl}/public/privacy-notice`, { params: { locale } });
  }

  /** A full session means the waitlist (in the answer), never an error. */
  register(request: RegisterRequest): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(`${this.baseUrl}/public/registrations`, request);
  }
}
