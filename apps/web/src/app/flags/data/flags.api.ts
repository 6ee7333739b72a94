import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { forkJoin, of } from 'rxjs';
import { map, switchMap } from 'rxjs/operators';
import type {
  FamilyFlagChronology,
  FlagAmendmentDraft,
  FlagCreated,
  FlagDetail,
  FlagDraft,
  FlagListQuery,
  FlagReconfirmRequest,
  FlagSummary,
  FlagTransitionRequest,
  OpenFlagRequest,
  StepUpInfo,
} from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/**
 * The flags API. The text of a flag only ever travels in a POST body or answer: never in an
 * address, never through the room's offline queue, never into browser storage.
 */
@Injectable({ providedIn: 'root' })
export class FlagsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly url = `${this.base}/flags`;

  create(draft: FlagDraft): Observable<FlagCreated> {
    return this.http.post<FlagCreated>(this.url, draft);
  }

  /** The flags I noted (no text). */
  mine(): Observable<FlagSummary[]> {
    return this.http.get<FlagSummary[]>(`${this.url}/mine`);
  }

  /** Coordinators: the inbox (no text). */
  list(query: FlagListQuery = {}): Observable<FlagSummary[]> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params[key] = String(value);
    return this.http.get<FlagSummary[]>(this.url, { params });
  }

  /** The inbox leaves closed flags out unless asked: these are both, running and closed (a family's list). */
  listAll(query: Omit<FlagListQuery, 'status'>): Observable<FlagSummary[]> {
    return forkJoin([this.list(query), this.list({ ...query, status: 'closed' })]).pipe(map(([running, closed]) => [...running, ...closed]));
  }

  /** One flag without its text (there is no address for one summary): among the running ones, else the closed ones. */
  summary(id: string): Observable<FlagSummary | null> {
    const find = (flags: FlagSummary[]) => flags.find((f) => f.id === id) ?? null;
    return this.list({}).pipe(
      switchMap((running) => (find(running) ? of(find(running)) : this.list({ status: 'closed' }).pipe(map(find)))),
    );
  }

  /** The text, for a purpose; refused with `step_up_required` without a recent code. */
  open(id: string, request: OpenFlagRequest): Observable<FlagDetail> {
    return this.http.post<FlagDetail>(`${this.url}/${encodeURIComponent(id)}/open`, request);
  }

  amend(id: string, draft: FlagAmendmentDraft): Observable<unknown> {
    return this.http.post(`${this.url}/${encodeURIComponent(id)}/amendments`, draft);
  }

  transition(id: string, request: FlagTransitionRequest): Observable<unknown> {
    return this.http.post(`${this.url}/${encodeURIComponent(id)}/transitions`, request);
  }

  reconfirm(id: string, request: FlagReconfirmRequest): Observable<unknown> {
    return this.http.post(`${this.url}/${encodeURIComponent(id)}/reconfirm`, request);
  }

  /** Coordinators: every flag of a family with its text and every step, in order (step-up; one audited read per flag). */
  chronology(familyId: string, request: OpenFlagRequest): Observable<FamilyFlagChronology> {
    return this.http.post<FamilyFlagChronology>(`${this.base}/families/${encodeURIComponent(familyId)}/flag-chronology`, request);
  }

  /** A fresh code from the authenticator app: for a while, sensitive text may be opened. */
  stepUp(code: string): Observable<StepUpInfo> {
    return this.http.post<StepUpInfo>(`${this.base}/auth/step-up`, { code });
  }
}
