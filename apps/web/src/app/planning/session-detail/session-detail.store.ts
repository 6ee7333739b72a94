import { Injectable, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import type { SessionView, UpdateSessionRequest } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import type { Observable } from 'rxjs';
import { catchError, finalize, of, switchMap, tap, throwError } from 'rxjs';
import { apiErrorBody } from '../../core/http/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { FacilitatorsApi } from '../data-access/facilitators.api';
import { LocationsApi } from '../data-access/locations.api';
import { SessionsApi } from '../data-access/sessions.api';
import { confirmConflicts } from '../shared/conflicts-dialog/conflicts-dialog';

/** One session: its facts, changing it (with "save anyway?" on a double booking) and cancelling it. Provided by the page. */
@Injectable()
export class SessionDetailStore {
  private readonly api = inject(SessionsApi);
  private readonly locationsApi = inject(LocationsApi);
  private readonly facilitatorsApi = inject(FacilitatorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly locale = inject(LanguageService).locale;
  private readonly sessionId = signal<string | null>(null);
  private readonly busy = signal(false);
  /** Places and people are only fetched once someone starts changing the session. */
  private readonly editing = signal(false);

  readonly working = this.busy.asReadonly();
  readonly session = rxResource({
    params: () => {
      const id = this.sessionId();
      return id ? { id, locale: this.locale() } : undefined;
    },
    stream: ({ params }) => this.api.get(params.id, params.locale),
  });
  readonly locations = rxResource({
    params: () => this.editing() || undefined,
    stream: () => this.locationsApi.list(),
  });
  readonly facilitators = rxResource({
    params: () => this.editing() || undefined,
    stream: () => this.facilitatorsApi.list(),
  });

  open(id: string): void {
    this.sessionId.set(id);
  }

  startEditing(): void {
    this.editing.set(true);
  }

  /** Saves a change; emits null when the person goes back after seeing double bookings. */
  update(request: UpdateSessionRequest): Observable<SessionView | null> {
    const id = this.sessionId() as string;
    const send = (body: UpdateSessionRequest) => this.api.update(id, body, this.locale());
    this.busy.set(true);
    return send(request).pipe(
      catchError((error: unknown) => {
        const body = apiErrorBody(error);
        if (body?.code !== ErrorCode.SchedulingConflict) return throwError(() => error);
        return confirmConflicts(this.dialog, body.conflicts ?? []).pipe(
          switchMap((anyway) => (anyway ? send({ ...request, confirmConflicts: true }) : of(null))),
        );
      }),
      tap((view) => view && this.session.set(view)),
      finalize(() => this.busy.set(false)),
    );
  }

  cancel(reason: string): Observable<SessionView> {
    this.busy.set(true);
    return this.api.cancel(this.sessionId() as string, reason, this.locale()).pipe(
      tap((view) => this.session.set(view)),
      finalize(() => this.busy.set(false)),
    );
  }
}
