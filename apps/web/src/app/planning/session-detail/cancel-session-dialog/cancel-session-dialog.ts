import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionView } from '@kring/domain';
import type { Observable } from 'rxjs';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import { notBlank } from '../../shared/form-errors';
import { SessionTimePipe } from '../../shared/session-time.pipe';

export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** Asks why a session is cancelled (families who registered are told), and closes with the reason. */
@Component({
  selector: 'kr-cancel-session-dialog',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    SessionTimePipe,
    TranslatePipe,
  ],
  templateUrl: './cancel-session-dialog.html',
  styleUrl: './cancel-session-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CancelSessionDialog {
  private readonly dialogRef = inject<MatDialogRef<CancelSessionDialog, string>>(MatDialogRef);

  protected readonly session = inject<SessionView>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly max = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, notBlank, Validators.minLength(REASON_MIN), Validators.maxLength(REASON_MAX)]],
  });
  protected readonly reason = this.form.controls.reason;

  protected submit(): void {
    const reason = this.reason.value.trim();
    if (this.reason.invalid || reason.length < REASON_MIN) {
      this.reason.markAsTouched();
      if (reason.length < REASON_MIN && !this.reason.hasError('required')) this.reason.setErrors({ minlength: true });
      return;
    }
    this.dialogRef.close(reason);
  }
}

/** Emits the reason when the person confirms, nothing when they go back. */
export function askCancelReason(dialog: MatDialog, session: SessionView): Observable<string | undefined> {
  return dialog
    .open<CancelSessionDialog, SessionView, string>(CancelSessionDialog, { data: session, maxWidth: '32rem', width: 'calc(100% - 32px)' })
    .afterClosed();
}
