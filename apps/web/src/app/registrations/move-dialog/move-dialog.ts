import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionView, StaffRegistrationView } from '@kring/domain';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { SessionsApi } from '../../planning/data-access/sessions.api';
import { PLANNING_NOW } from '../../planning/shared/planning-dates';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { StaffRegistrationsApi } from '../data-access/staff-registrations.api';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

export interface MoveDialogData {
  registration: StaffRegistrationView;
  session: SessionView;
}

/** How far ahead the other dates of the group are looked for. */
const LOOK_AHEAD_DAYS = 120;

/** Moves a family to another coming session of the same group (the API puts it on the waitlist there when full). */
@Component({
  selector: 'kr-move-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatProgressBarModule,
    MatRadioModule,
    ProblemNotice,
    ReactiveFormsModule,
    SessionTimePipe,
    TranslatePipe,
  ],
  templateUrl: './move-dialog.html',
  styleUrl: './move-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveDialog {
  private readonly api = inject(StaffRegistrationsApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly dialogRef = inject<MatDialogRef<MoveDialog, boolean>>(MatDialogRef);
  private readonly now = inject(PLANNING_NOW);

  protected readonly data = inject<MoveDialogData>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly choice = new FormControl<string | null>(null, Validators.required);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly sessions = rxResource({
    params: () => ({ locale: this.locale() }),
    stream: ({ params }) => {
      const from = this.now();
      const to = new Date(from.getTime() + LOOK_AHEAD_DAYS * 86_400_000);
      return this.sessionsApi.list({
        from: from.toISOString(),
        to: to.toISOString(),
        groupId: this.data.session.group.id,
        locale: params.locale,
      });
    },
  });
  /** The group's other planned sessions still to come, earliest first. */
  protected readonly options = computed(() =>
    (this.sessions.hasValue() ? this.sessions.value() : [])
      .filter((s) => s.id !== this.data.session.id && s.status === 'planned' && new Date(s.startsAt) > this.now())
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  );

  protected move(): void {
    this.submitted.set(true);
    const to = this.choice.value;
    if (!to) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.move(this.data.registration.id, to).subscribe({
      next: () => this.dialogRef.close(true),
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(errorMessage(error, this.locale()));
      },
    });
  }
}

/** Emits true when the family was moved. */
export function openMoveDialog(dialog: MatDialog, data: MoveDialogData): Observable<boolean> {
  return dialog
    .open<MoveDialog, MoveDialogData, boolean>(MoveDialog, {
      data,
      maxWidth: '32rem',
      width: 'calc(100% - 16px)',
      autoFocus: 'first-tabbable',
    })
    .afterClosed()
    .pipe(map((moved) => moved === true));
}
