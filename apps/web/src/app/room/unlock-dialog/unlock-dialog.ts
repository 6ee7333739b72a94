import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { RosterView } from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { RoomApi } from '../data/room.api';

export interface UnlockDialogData {
  sessionId: string;
}

/** A coordinator reopens a closed list for two days; the reason is kept in the audit trail. Closes with the reopened roster. */
@Component({
  selector: 'kr-unlock-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './unlock-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnlockDialog {
  private readonly api = inject(RoomApi);
  private readonly data = inject<UnlockDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UnlockDialog, RosterView>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(300)]],
  });
  protected readonly reason = this.form.controls.reason;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async submit(): Promise<void> {
    this.reason.setValue(this.reason.value.trim());
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.dialogRef.close(await firstValueFrom(this.api.unlock(this.data.sessionId, this.reason.value)));
    } catch (error) {
      this.problem.set(errorMessage(error, this.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
