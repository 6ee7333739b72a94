import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Location } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FieldError, UpdateSessionRequest } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import { filter, switchMap } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../../core/http/api-error';
import type { ErrorMessage } from '../../../core/http/error-message';
import { errorMessage } from '../../../core/http/error-message';
import { LanguageService } from '../../../core/i18n/language.service';
import { REGISTRATION_PATHS } from '../../../registrations/registration-paths';
import { PLANNING_PATHS } from '../../planning-paths';
import { SessionTimePipe } from '../../shared/session-time.pipe';
import { askCancelReason } from '../cancel-session-dialog/cancel-session-dialog';
import { SessionDetailStore } from '../session-detail.store';
import { SessionEditForm } from '../session-edit-form/session-edit-form';
import { LoadError } from '../../../shared/load-error/load-error';
import { ProblemNotice } from '../../../shared/problem-notice/problem-notice';

/** `/planning/bijeenkomst/:id`: everything about one session; changing or cancelling it for those who may. */
@Component({
  selector: 'kr-session-detail-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ProblemNotice,
    RouterLink,
    SessionEditForm,
    SessionTimePipe,
    TranslatePipe,
  ],
  providers: [SessionDetailStore],
  templateUrl: './session-detail-page.html',
  styleUrl: './session-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionDetailPage {
  private readonly store = inject(SessionDetailStore);
  private readonly dialog = inject(MatDialog);
  private readonly location = inject(Location);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = PLANNING_PATHS;
  protected readonly registrationPaths = REGISTRATION_PATHS;
  /** Opened from another page of Kring (the calendar, my week): "back" goes there. */
  protected readonly cameFromApp = !!inject(Router).currentNavigation()?.previousNavigation;
  protected readonly session = this.store.session;
  protected readonly working = this.store.working;
  protected readonly places = computed(() => (this.store.locations.hasValue() ? this.store.locations.value() : []));
  protected readonly people = computed(() => (this.store.facilitators.hasValue() ? this.store.facilitators.value() : []));
  protected readonly editing = signal(false);
  protected readonly fieldErrors = signal<readonly FieldError[]>([]);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly done = signal<'saved' | 'cancelled' | null>(null);
  protected readonly facilitatorNames = computed(() =>
    this.session.hasValue()
      ? this.session
          .value()
          .facilitators.map((f) => f.displayName)
          .join(', ')
      : '',
  );

  constructor() {
    effect(() => this.store.open(this.id()));
  }

  protected edit(): void {
    this.store.startEditing();
    this.done.set(null);
    this.problem.set(null);
    this.editing.set(true);
  }

  protected save(request: UpdateSessionRequest): void {
    this.problem.set(null);
    this.fieldErrors.set([]);
    this.store.update(request).subscribe({
      next: (view) => {
        if (!view) return;
        this.editing.set(false);
        this.done.set('saved');
      },
      error: (error: unknown) => {
        const fields = apiFieldErrors(error).map((f) =>
          apiErrorCode(error) === ErrorCode.Conflict && f.field === 'capacity' ? { ...f, reason: 'seatsTaken' } : f,
        );
        this.fieldErrors.set(fields);
        this.problem.set(fields.length > 0 ? { key: 'planning.group.checkFields' } : errorMessage(error, this.locale()));
      },
    });
  }

  protected cancelSession(): void {
    if (!this.session.hasValue()) return;
    this.problem.set(null);
    askCancelReason(this.dialog, this.session.value())
      .pipe(
        filter((reason): reason is string => !!reason),
        switchMap((reason) => this.store.cancel(reason)),
      )
      .subscribe({
        next: () => {
          this.editing.set(false);
          this.done.set('cancelled');
        },
        error: (error: unknown) => this.problem.set(errorMessage(error, this.locale())),
      });
  }

  protected back(): void {
    this.location.back();
  }

  protected retry(): void {
    this.session.reload();
  }
}
