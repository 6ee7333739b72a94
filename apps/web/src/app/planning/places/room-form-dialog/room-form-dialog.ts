import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import type { LocationView, RoomView } from '@kring/domain';
import { apiFieldErrors } from '../../../core/http/api-error';
import type { ErrorMessage } from '../../../core/http/error-message';
import { errorMessage } from '../../../core/http/error-message';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import { markServerError, notBlank, wholeNumber } from '../../shared/form-errors';
import type { PlacesStore } from '../places.store';
import { ProblemNotice } from '../../../shared/problem-notice/problem-notice';

export interface RoomFormData {
  place: LocationView;
  room: RoomView | null;
  store: PlacesStore;
}

/** A new room at a place, or changing one. Closes with true when saved. */
@Component({
  selector: 'kr-room-form-dialog',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ProblemNotice,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './room-form-dialog.html',
  styleUrl: './room-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoomFormDialog {
  private readonly dialogRef = inject<MatDialogRef<RoomFormDialog, boolean>>(MatDialogRef);

  protected readonly data = inject<RoomFormData>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: [this.data.room?.name ?? '', [Validators.required, notBlank, Validators.maxLength(120)]],
    capacity: this.fb.control<number | null>(this.data.room?.capacity ?? null, [Validators.min(1), Validators.max(10_000), wholeNumber]),
    accessibilityNotes: [this.data.room?.accessibilityNotes ?? '', Validators.maxLength(2000)],
    active: [this.data.room?.active ?? true],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.data.store
      .saveRoom(this.data.place.id, this.data.room?.id ?? null, {
        name: value.name.trim(),
        capacity: value.capacity,
        accessibilityNotes: value.accessibilityNotes.trim(),
        active: value.active,
      })
      .subscribe({
        next: () => this.dialogRef.close(true),
        error: (error: unknown) => {
          this.busy.set(false);
          const fields = apiFieldErrors(error);
          const shown = fields.filter((f) => markServerError(this.form.get(f.field), f.reason ?? f.code));
          this.problem.set(shown.length > 0 ? null : errorMessage(error, this.locale()));
        },
      });
  }
}
