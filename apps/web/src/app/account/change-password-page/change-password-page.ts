import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { AuthApi } from '../../core/auth/auth.api';
import { landingPath } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { apiFieldErrors } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { NewPasswordFields } from '../../shared/password-hints/new-password-fields';
import type { PasswordOwner } from '../../shared/password-hints/new-password';
import { newPasswordValidator, sameAsValidator } from '../../shared/password-hints/new-password';
import { ShowPassword } from '../../shared/show-password/show-password';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

/** Changing one's own password; the other devices are signed out (this one stays). */
@Component({
  selector: 'kr-change-password-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    NewPasswordFields,
    ProblemNotice,
    ReactiveFormsModule,
    RouterLink,
    ShowPassword,
    TranslatePipe,
  ],
  templateUrl: './change-password-page.html',
  styleUrl: './change-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordPage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly locale = inject(LanguageService).locale;
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly owner = computed<PasswordOwner>(() => ({
    email: this.store.user()?.email,
    displayName: this.store.user()?.displayName,
  }));
  protected readonly homePath = computed(() => {
    const session = this.store.session();
    return session ? landingPath(session) : '/';
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required]],
    newPassword: ['', [Validators.required, newPasswordValidator(() => this.owner())]],
    confirmation: ['', [Validators.required, sameAsValidator((): string => this.form.controls.newPassword.value)]],
  });
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    this.done.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .changePassword({ currentPassword, newPassword })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.formDirective().resetForm();
          this.done.set(true);
        },
        error: (error: unknown) => {
          const fields = apiFieldErrors(error);
          for (const field of fields) {
            if (field.field === 'currentPassword') this.form.controls.currentPassword.setErrors({ server: 'wrong' });
            if (field.field === 'newPassword') this.form.controls.newPassword.setErrors({ server: field.reason ?? field.code });
          }
          if (fields.length > 0) {
            this.focusFirstInvalid();
            return;
          }
          this.problem.set(errorMessage(error, this.locale()));
        },
      });
  }

  private focusFirstInvalid(): void {
    this.formElement().nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
  }
}
