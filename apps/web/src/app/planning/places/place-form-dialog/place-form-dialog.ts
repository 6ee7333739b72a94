import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import type { LocationView } from '@kring/domain';
import { apiFieldErrors } from '../../../core/http/api-error';
import type { ErrorMessage } from '../../../core/http/error-message';
import { errorMessage } from '../../../core/http/error-message';
import { LanguageService } from '../../../core/i18n/language.service';
import { FieldErrorPipe } from '../../shared/field-error.pipe';
import { markServerError, notBlank } from '../../shared/form-errors';
import type { PlacesStore } from '../places.store';
import { ProblemNotice } from '../../../shared/problem-notice/problem-notice';

export interface PlaceFormData {
  place: LocationView | null;
  store: PlacesStore;
}

/** A new place, or changing one: name, address, accessibility, in use or not. Closes with true when saved. */
@Component({
  selector: 'kr-place-form-dialog',
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
  templateUrl: './place-form-dialog.html',
  styleUrl: './place-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceFormDialog {
  private readonly dialogRef = inject<MatDialogRef<PlaceFormDialog, boolean>>(MatDialogRef);
  private readonly data = inject<PlaceFormData>(MAT_DIALOG_DATA);

  protected readonly place = this.data.place;
  protected readonly locale = inject(LanguageService).locale;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.place?.name ?? '', [Validators.required, notBlank, Validators.maxLength(120)]],
    street: [this.place?.street ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    postalCode: [this.place?.postalCode ?? '', [Validators.required, Validators.minLength(4), Validators.maxLength(10)]],
    city: [this.place?.city ?? '', [Validators.required, notBlank, Validators.maxLength(100)]],
    accessibilityNotes: [this.place?.accessibilityNotes ?? '', Validators.maxLength(2000)],
    active: [this.place?.active ?? true],
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
      .savePlace(this.place?.id ?? null, {
        name: value.name.trim(),
        street: value.street.trim(),
        postalCode: value.postalCode.trim(),
        city: value.city.trim(),
        accessibilityNotes: value.accessibilityNotes.trim(),
        active: value.active,
      })
      .subscribe({
        next: () => this.dialogRef.close(true),
        error: (error: unknown) => {
          this.busy.set(false);
          const fields = apiFieldErrors(error);
          const shown = fields.filter((f) => markServerError(this.form.get(f.field), f.reason ?? f.code));
          this.problem.set(shown.length > 0 ? { key: 'planning.group.checkFields' } : errorMessage(error, this.locale()));
        },
      });
  }
}
