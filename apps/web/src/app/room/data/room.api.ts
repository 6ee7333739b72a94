import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { CarePrompt, FamilyAttendanceHistory, KnownFamiliesView, Locale, RosterView, SessionView, SyncOp, SyncResponse, TallyView } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** The API of the room: today's sessions, a roster, a drop-in's counts, taps from the phone, gentle prompts. */
@Injectable({ providedIn: 'root' })
export class RoomApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The sessions I facilitate between `from` and `to` (ISO instants). */
  mySessions(from: string, to: string, locale: Locale): Observable<SessionView[]> {
    return this.http.get<SessionView[]>(`${this.base}/sessions/mine`, { params: { from, to, locale } });
  }

  session(id: string, locale: Locale): Observable<SessionView> {
    return this.http.get<SessionView>(`${this.base}/sessions/${encodeURIComponent(id)}`, { params: { locale } });
  }

  roster(sessionId: string): Observable<RosterView> {
    return this.http.get<RosterView>(`${this.base}/sessions/${encodeURIComponent(sessionId)}/roster`);
  }

  tally(sessionId: string): Observable<TallyView> {
    return this.http.get<TallyView>(`${this.base}/sessions/${encodeURIComponent(sessionId)}/tally`);
  }

  /** A drop-in's families to check in by name (known to its group): names and this session's marks only. */
  knownFamilies(sessionId: string): Observable<KnownFamiliesView> {
    return this.http.get<KnownFamiliesView>(`${this.base}/sessions/${encodeURIComponent(sessionId)}/known-families`);
  }

  /** Taps made on the phone; one answer per tap. */
  sync(ops: readonly SyncOp[]): Observable<SyncResponse> {
    return this.http.post<SyncResponse>(`${this.base}/attendance/sync`, { ops });
  }

  /** Coordinators: reopen a closed session's attendance for two days. */
  unlock(sessionId: string, reason: string): Observable<RosterView> {
    return this.http.post<RosterView>(`${this.base}/sessions/${encodeURIComponent(sessionId)}/attendance/unlock`, { reason });
  }

  /** One family's name and its sessions in my groups with their attendance, latest first (404 outside my groups). */
  familyAttendance(familyId: string): Observable<FamilyAttendanceHistory> {
    return this.http.get<FamilyAttendanceHistory>(`${this.base}/families/${encodeURIComponent(familyId)}/attendance`);
  }

  carePrompts(): Observable<CarePrompt[]> {
    return this.http.get<CarePrompt[]>(`${this.base}/care-prompts`);
  }
}
