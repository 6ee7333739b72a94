import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  FamilyByCodeView,
  GroupEnrolmentsView,
  Locale,
  RegisterResponse,
  StaffRegisterRequest,
  StaffRegistrationView,
} from '@kring/domain';
import { normalizeRegistrationCode } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Registrations as staff handle them: per session, per series, by code, on a family's behalf. */
@Injectable({ providedIn: 'root' })
export class StaffRegistrationsApi {
  private readonly http = inject(HttpClient);
  private readonly url = inject(API_BASE_URL);

  /** Confirmed, offered and waiting families (waiting in order), then the ones who left. */
  forSession(sessionId: string): Observable<StaffRegistrationView[]> {
    return this.http.get<StaffRegistrationView[]>(`${this.url}/sessions/${encodeURIComponent(sessionId)}/registrations`);
  }

  byCode(code: string, locale: Locale): Observable<FamilyByCodeView> {
    const clean = normalizeRegistrationCode(code);
    return this.http.get<FamilyByCodeView>(`${this.url}/registrations/by-code/${encodeURIComponent(clean)}`, { params: { locale } });
  }

  /** A full session means the waitlist (in the answer), never an error. */
  register(request: StaffRegisterRequest): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(`${this.url}/registrations`, request);
  }

  /** Moves a family; answers the list of the session it moved to. */
  move(registrationId: string, toSessionId: string): Observable<StaffRegistrationView[]> {
    return this.http.post<StaffRegistrationView[]>(`${this.url}/registrations/${encodeURIComponent(registrationId)}/move`, { toSessionId });
  }

  cancel(registrationId: string): Observable<void> {
    return this.http.post<void>(`${this.url}/registrations/${encodeURIComponent(registrationId)}/cancel`, {});
  }

  /** Takes back "not this week": the family is placed again (a seat, or the back of the waitlist); answers the session's list. */
  unskip(registrationId: string): Observable<StaffRegistrationView[]> {
    return this.http.post<StaffRegistrationView[]>(`${this.url}/registrations/${encodeURIComponent(registrationId)}/unskip`, {});
  }

  /** The families enrolled in a group's whole series, with their coming dates. */
  enrolments(groupId: string, locale: Locale): Observable<GroupEnrolmentsView> {
    return this.http.get<GroupEnrolmentsView>(`${this.url}/groups/${encodeURIComponent(groupId)}/enrolments`, { params: { locale } });
  }

  stopSeries(enrolmentId: string): Observable<void> {
    return this.http.post<void>(`${this.url}/enrolments/${encodeURIComponent(enrolmentId)}/stop`, {});
  }
}
