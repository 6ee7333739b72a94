import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagAmendmentDraft } from '@kring/domain';
import { FLAG_TEXT_FIELDS, FLAG_TEXT_MAX } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { FlagsApi } from '../data/flags.api';
import { labellingWords } from '../data/writing-hint';

export interface AmendmentDialogData {
  flagId: string;
}

/**
 * "Aanvulling": a correction or addition to a flag. Nothing written earlier is changed or
 * removed; the amendment is added, with who and when. Closes with true once saved.
 */
@Component({
  selector: 'kr-amendment-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ProblemNotice,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './amendment-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmendmentDialog {
  private readonly api = inject(FlagsApi);
  private readonly data = inject<AmendmentDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<AmendmentDialog, boolean>>(MatDialogRef);
  protected readonly locale = inject(LanguageService).locale;

  protected readonly fields: ReadonlyArray<FlagAmendmentDraft['field']> = ['general', ...FLAG_TEXT_FIELDS];
  protected readonly textMax = FLAG_TEXT_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    field: ['general' as FlagAmendmentDraft['field']],
    text: ['', [Validators.required, Validators.maxLength(FLAG_TEXT_MAX)]],
  });
  private readonly text = toSignal(this.form.controls.text.valueChanges, { initialValue: '' });
  protected readonly hintWords = computed(() => labellingWords(this.text(), this.locale()));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async submit(): Promise<void> {
    const text = this.form.controls.text;
    if (!text.value.trim()) text.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.amend(this.data.flagId, { field: this.form.controls.field.value, text: text.value.trim() }));
      this.form.reset();
      this.dialogRef.close(true);
    } catch (error) {
      this.problem.set(errorMessage(error, this.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
