import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorCode } from '@kring/domain';
import { finalize } from 'rxjs';
import { AUTH_PATHS } from '../../core/auth/auth-flow';
import { AuthApi } from '../../core/auth/auth.api';
import { apiErrorCode, apiFieldErrors } from '../../core/http/api-error';
import { linkToken } from '../../core/http/link-token';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { NewPasswordFields } from '../../shared/password-hints/new-password-fields';
import type { PasswordOwner } from '../../shared/password-hints/new-password';
import { newPasswordValidator, sameAsValidator } from '../../shared/password-hints/new-password';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

/**
 * `/set-password#token=…` (older links `?token=…`): the one-time link an admin hands out. Shows whose account it is,
 * then a new password (with live hints) twice. A used or expired link changes nothing.
 */
@Component({
  selector: 'kr-set-password-page',
  imports: [
    DateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    NewPasswordFields,
    ProblemNotice,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './set-password-page.html',
  styleUrl: './set-password-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');

  /** From the address's fragment; the API gets it in a header or the body, never in a path. */
  private readonly token = linkToken();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly signInPath = AUTH_PATHS.signIn;
  protected readonly link = rxResource({
    params: () => this.token() || undefined,
    stream: ({ params: token }) => this.api.describeSetPasswordLink(token),
  });
  /** Set when the link cannot be used (also when the server says so while saving). */
  private readonly expired = signal(false);
  protected readonly done = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected readonly view = computed<'loading' | 'invalid' | 'error' | 'form' | 'done'>(() => {
    if (this.done()) return 'done';
    if (this.expired() || !this.token()) return 'invalid';
    const status = this.link.status();
    if (status === 'error') return apiErrorCode(this.link.error()) === ErrorCode.LinkExpired ? 'invalid' : 'error';
    return this.link.hasValue() ? 'form' : 'loading';
  });
  protected readonly loadProblem = computed(() => errorMessage(this.link.error(), this.locale()));
  protected readonly owner = computed<PasswordOwner>(() => {
    const info = this.link.hasValue() ? this.link.value() : undefined;
    return { email: info?.email, displayName: info?.displayName };
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, newPasswordValidator(() => this.owner())]],
    confirmation: ['', [Validators.required, sameAsValidator((): string => this.form.controls.password.value)]],
  });

  protected submit(): void {
    const token = this.token();
    if (this.busy() || !token) return;
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.busy.set(true);
    this.api
      .setPassword({ token, password: this.form.controls.password.value })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => this.done.set(true),
        error: (error: unknown) => {
          if (apiErrorCode(error) === ErrorCode.LinkExpired) {
            this.expired.set(true);
            return;
          }
          const weak = apiFieldErrors(error).find((field) => field.field === 'password');
          if (weak) {
            this.form.controls.password.setErrors({ server: weak.reason ?? weak.code });
            this.focusFirstInvalid();
            return;
          }
          this.problem.set(errorMessage(error, this.locale()));
        },
      });
  }

  protected retry(): void {
    this.link.reload();
  }

  private focusFirstInvalid(): void {
    this.formElement()?.nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
  }
}
