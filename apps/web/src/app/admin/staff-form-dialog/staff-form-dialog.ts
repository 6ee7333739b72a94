import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { CreatedStaffUser, StaffRole, StaffUserSummary, UpdateStaffUserRequest } from '@kring/domain';
import { ErrorCode, STAFF_ROLES, StaffRole as Role } from '@kring/domain';
import type { Observable } from 'rxjs';
import { finalize } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { conflictMessageKey } from '../staff-errors';
import { StaffAdminApi } from '../staff-admin.api';
import { SetPasswordLinkPanel } from '../set-password-link-panel/set-password-link-panel';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

export type StaffFormDialogData =
  { readonly mode: 'create' } | { readonly mode: 'edit'; readonly user: StaffUserSummary; readonly isSelf: boolean };

/** At least one role must be ticked (a locked, disabled role counts too). */
function someRole(group: AbstractControl): ValidationErrors | null {
  const roles = group instanceof FormGroup ? group.getRawValue() : group.value;
  return Object.values(roles as Record<string, boolean>).some(Boolean) ? null : { noRole: true };
}

/**
 * A new account (e-mail, name, roles), or changing the name and roles of one. A new account
 * ends with its one-time set-password link to pass on. Closes with `true` when something changed.
 */
@Component({
  selector: 'kr-staff-form-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ProblemNotice,
    ReactiveFormsModule,
    SetPasswordLinkPanel,
    TranslatePipe,
  ],
  templateUrl: './staff-form-dialog.html',
  styleUrl: './staff-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffFormDialog {
  private readonly api = inject(StaffAdminApi);
  private readonly dialogRef = inject<MatDialogRef<StaffFormDialog, boolean>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');

  protected readonly data = inject<StaffFormDialogData>(MAT_DIALOG_DATA);
  protected readonly roles = STAFF_ROLES;
  /** An admin cannot take away their own admin role (another admin can). */
  protected readonly lockedRole = this.data.mode === 'edit' && this.data.isSelf ? Role.Admin : null;
  private readonly user = this.data.mode === 'edit' ? this.data.user : null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [{ value: this.user?.email ?? '', disabled: this.user !== null }, [Validators.required, Validators.email]],
    displayName: [this.user?.displayName ?? '', [Validators.required, Validators.maxLength(100)]],
    roles: inject(NonNullableFormBuilder).group(
      Object.fromEntries(STAFF_ROLES.map((role) => [role, this.user?.roles.includes(role) ?? false])) as Record<StaffRole, boolean>,
      { validators: someRole },
    ),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly created = signal<CreatedStaffUser | null>(null);
  protected readonly showRoleError = signal(false);

  constructor() {
    if (this.lockedRole) this.form.controls.roles.controls[this.lockedRole].disable();
  }

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    this.showRoleError.set(this.form.controls.roles.invalid);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formElement()?.nativeElement.querySelector<HTMLElement>('input.ng-invalid, .roles.invalid input')?.focus();
      return;
    }
    const displayName = this.form.controls.displayName.value.trim();
    const roles = STAFF_ROLES.filter((role) => this.form.controls.roles.controls[role].value);
    this.busy.set(true);
    const request: Observable<unknown> = this.user
      ? this.api.update(this.user.id, { displayName, roles })
      : this.api.create({ email: this.form.controls.email.value.trim(), displayName, roles });
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (answer) => {
        if (this.user) this.dialogRef.close(true);
        else this.created.set(answer as CreatedStaffUser);
      },
      error: (error: unknown) => this.show(error, { displayName, roles }),
    });
  }

  protected close(): void {
    this.dialogRef.close(this.created() !== null);
  }

  private show(error: unknown, changes: UpdateStaffUserRequest): void {
    const fields = apiFieldErrors(error);
    for (const field of fields) {
      const control = field.field === 'email' || field.field === 'displayName' ? this.form.controls[field.field] : null;
      control?.setErrors({ server: field.code });
      control?.markAsTouched();
      if (field.field === 'roles') this.showRoleError.set(true);
    }
    if (fields.length > 0) {
      this.formElement()?.nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    const conflict = this.user ? conflictMessageKey(error, this.user, changes, this.data.mode === 'edit' && this.data.isSelf) : null;
    this.problem.set(
      conflict
        ? { key: conflict }
        : apiErrorCode(error) === ErrorCode.Conflict && !this.user
          ? { key: 'staffAdmin.form.errors.emailTaken' }
          : errorMessage(error, this.locale()),
    );
  }
}
