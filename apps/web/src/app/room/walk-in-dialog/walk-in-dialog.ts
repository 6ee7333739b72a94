import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { isChildMonth, normalizePhone } from '@kring/domain';

/** A family that walked in: what the worker filled in (phone already in international form). */
export interface WalkIn {
  displayName: string;
  phone?: string;
  childMonth?: string;
}

function callable(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || normalizePhone(value) ? null : { phone: true };
}

function childMonth(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || isChildMonth(value, new Date()) ? null : { month: true };
}

/**
 * "+ Nieuw gezin": a family walked in. At most three fields, only the name needed; checked here
 * as the server will check it, so a walk-in made offline is not refused later.
 */
@Component({
  selector: 'kr-walk-in-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './walk-in-dialog.html',
  styleUrl: './walk-in-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WalkInDialog {
  private readonly dialogRef = inject<MatDialogRef<WalkInDialog, WalkIn>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(60)]],
    phone: ['', [callable, Validators.maxLength(30)]],
    childMonth: ['', [childMonth]],
  });
  protected readonly submitted = signal(false);

  protected submit(): void {
    this.submitted.set(true);
    const { displayName, phone, childMonth: month } = this.form.getRawValue();
    if (displayName.trim() === '') this.form.controls.displayName.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const normalized = phone.trim() ? normalizePhone(phone.trim()) : null;
    this.dialogRef.close({
      displayName: displayName.trim(),
      ...(normalized ? { phone: normalized } : {}),
      ...(month.trim() ? { childMonth: month.trim() } : {}),
    });
  }
}
