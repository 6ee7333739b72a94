import { Injectable, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import type { SaveGroupRequest, SavedGroup } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import type { Observable } from 'rxjs';
import { catchError, finalize, of, switchMap, throwError } from 'rxjs';
import { apiErrorBody } from '../../core/http/api-error';
import { FacilitatorsApi } from '../data-access/facilitators.api';
import { GroupPlansApi } from '../data-access/group-plans.api';
import { LocationsApi } from '../data-access/locations.api';
import { confirmConflicts } from '../shared/conflicts-dialog/conflicts-dialog';
import { confirmCancellations } from './cancellations-dialog/cancellations-dialog';

/**
 * The group form's data: the group being changed (none for a new one), the places and the people
 * who can lead it, and saving with the "save anyway?" question on a double booking and the
 * "cancel these meetings?" question when a change drops dates families are registered for.
 * Provided by the page.
 */
@Injectable()
export class GroupFormStore {
  private readonly groups = inject(GroupPlansApi);
  private readonly locationsApi = inject(LocationsApi);
  private readonly facilitatorsApi = inject(FacilitatorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly groupId = signal<string | null>(null);
  private readonly busy = signal(false);

  readonly id = this.groupId.asReadonly();
  readonly saving = this.busy.asReadonly();
  readonly group = rxResource({
    params: () => this.groupId() ?? undefined,
    stream: ({ params: id }) => this.groups.get(id),
  });
  readonly locations = rxResource({ stream: () => this.locationsApi.list() });
  readonly facilitators = rxResource({ stream: () => this.facilitatorsApi.list() });

  /** Which group the form is for (null: a new one). */
  open(id: string | null): void {
    this.groupId.set(id);
  }

  /**
   * Creates or changes the group. On a double booking the conflicts are shown; saving again with
   * `confirmConflicts` only when the person chooses so. When the change drops dates families are
   * registered for, those dates are shown; saving again with `confirmCancellations` (the meetings
   * are cancelled and the families told) only when the person chooses so. Emits null when they go
   * back instead.
   */
  save(request: SaveGroupRequest): Observable<SavedGroup | null> {
    const id = this.groupId();
    const send = (body: SaveGroupRequest) => (id ? this.groups.update(id, body) : this.groups.create(body));
    const attempt = (body: SaveGroupRequest): Observable<SavedGroup | null> =>
      send(body).pipe(
        catchError((error: unknown) => {
          const problem = apiErrorBody(error);
          if (problem?.code === ErrorCode.SchedulingConflict) {
            return confirmConflicts(this.dialog, problem.conflicts ?? []).pipe(
              switchMap((anyway) => (anyway ? attempt({ ...body, confirmConflicts: true }) : of(null))),
            );
          }
          if (problem?.code === ErrorCode.SessionsHaveFamilies) {
            return confirmCancellations(this.dialog, problem.sessionsWithFamilies ?? []).pipe(
              switchMap((cancel) => (cancel ? attempt({ ...body, confirmCancellations: true }) : of(null))),
            );
          }
          return throwError(() => error);
        }),
      );
    this.busy.set(true);
    return attempt(request).pipe(finalize(() => this.busy.set(false)));
  }
}

/** What the page says after saving: kept for the page the form moves to after creating a group. */
export interface GroupSavedNotice {
  groupId: string;
  created: boolean;
  /** How many sessions changed by hand the series change left as they were. */
  kept: number;
}

@Injectable({ providedIn: 'root' })
export class GroupSavedNotices {
  private readonly last = signal<GroupSavedNotice | null>(null);

  put(notice: GroupSavedNotice): void {
    this.last.set(notice);
  }

  /** The notice for this group, once. */
  take(groupId: string): GroupSavedNotice | null {
    const notice = this.last();
    if (notice?.groupId !== groupId) return null;
    this.last.set(null);
    return notice;
  }
}
