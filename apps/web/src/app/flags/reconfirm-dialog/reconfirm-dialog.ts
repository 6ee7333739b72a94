import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { FLAG_REASON_MAX, flagDay } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { FlagsApi } from '../data/flags.api';

export interface ReconfirmDialogData {
  flagId: string;
}

/**
 * "Nog steeds nodig": the concern still holds, said with a reason; the twelve months after which
 * an unconfirmed flag is closed and its text erased start again. Closes with true once saved.
 */
@Component({
  selector: 'kr-reconfirm-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ProblemNotice, ReactiveFormsModule, TranslatePipe],
  templateUrl: './reconfirm-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReconfirmDialog {
  private readonly api = inject(FlagsApi);
  private readonly data = inject<ReconfirmDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReconfirmDialog, boolean>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;

  protected readonly reasonMax = FLAG_REASON_MAX;
  protected readonly today = flagDay(new Date());
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(FLAG_REASON_MAX)]],
    reviewBy: [''],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async submit(): Promise<void> {
    const reason = this.form.controls.reason;
    reason.setValue(reason.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const reviewBy = this.form.controls.reviewBy.value || undefined;
      await firstValueFrom(this.api.reconfirm(this.data.flagId, { reason: reason.value, reviewBy }));
      this.dialogRef.close(true);
    } catch (error) {
      this.problem.set(errorMessage(error, this.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
