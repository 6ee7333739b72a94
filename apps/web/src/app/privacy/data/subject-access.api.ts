import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Locale, SubjectAccessExport, SubjectAccessRequestView } from '@kring/domain';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Subject access (coordinators): the register of requests and the export for the family, JSON or PDF (after step-up). */
@Injectable({ providedIn: 'root' })
export class SubjectAccessApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  logRequest(familyId: string): Observable<SubjectAccessRequestView> {
    return this.http.post<SubjectAccessRequestView>(`${this.base}/families/${familyId}/subject-access-requests`, {});
  }

  openRequests(): Observable<SubjectAccessRequestView[]> {
    return this.http.get<SubjectAccessRequestView[]>(`${this.base}/subject-access-requests`);
  }

  exportJson(familyId: string): Observable<SubjectAccessExport> {
    return this.http.post<SubjectAccessExport>(`${this.base}/families/${familyId}/subject-access`, {});
  }

  exportPdf(familyId: string, locale?: Locale): Observable<Blob> {
    const params: Record<string, string> = locale ? { locale } : {};
    return this.http.post(`${this.base}/families/${familyId}/subject-access.pdf`, {}, { params, responseType: 'blob' });
  }
}

/** Hands a file to the browser's downloads; nothing is kept in the page or in storage. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
