import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { GroupPlan, SaveGroupRequest, SavedGroup } from '@kring/domain';
import { API_BASE_URL } from '../../core/http/api-base-url';

/** Groups as planners see and change them (titles in every language, the recurrence, facilitators). */
@Injectable({ providedIn: 'root' })
export class GroupPlansApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/groups`;

  list(): Observable<GroupPlan[]> {
    return this.http.get<GroupPlan[]>(this.url);
  }

  get(id: string): Observable<GroupPlan> {
    return this.http.get<GroupPlan>(`${this.url}/${encodeURIComponent(id)}`);
  }

  /** A new group; its sessions are planned at once (409 `scheduling_conflict` unless confirmed). */
  create(request: SaveGroupRequest): Observable<SavedGroup> {
    return this.http.post<SavedGroup>(this.url, request);
  }

  /** Changes a group and its series; sessions changed by hand are kept (see `keptEditedSessionIds`). */
  update(id: string, request: SaveGroupRequest): Observable<SavedGroup> {
    return this.http.patch<SavedGroup>(`${this.url}/${encodeURIComponent(id)}`, request);
  }
}
