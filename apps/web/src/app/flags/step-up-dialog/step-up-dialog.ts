import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorCode } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { FlagsApi } from '../data/flags.api';

/**
 * Before sensitive text opens: a fresh code from the authenticator app (step-up), once per
 * quarter of an hour. Closes with true when the code was accepted.
 */
@Component({
  selector: 'kr-step-up-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ProblemNotice, ReactiveFormsModule, TranslatePipe],
  templateUrl: './step-up-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepUpDialog {
  private readonly api = inject(FlagsApi);
  private readonly dialogRef = inject<MatDialogRef<StepUpDialog, boolean>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\d{6}$/)]],
  });
  protected readonly code = this.form.controls.code;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async submit(): Promise<void> {
    this.code.setValue(this.code.value.replace(/\s+/g, ''));
    if (this.code.invalid) {
      this.code.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.stepUp(this.code.value));
      this.dialogRef.close(true);
    } catch (error) {
      if (apiErrorCode(error) === ErrorCode.InvalidTwoFactorCode) {
        this.code.setErrors({ wrong: true });
        this.code.markAsTouched();
      } else this.problem.set(errorMessage(error, this.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
