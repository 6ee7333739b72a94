import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, signal, viewChild, Injector } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorCode } from '@kring/domain';
import { finalize } from 'rxjs';
import { AuthApi } from '../../core/auth/auth.api';
import { AuthFlow, SESSION_EXPIRED } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { apiErrorCode, apiFieldErrors } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { ShowPassword } from '../../shared/show-password/show-password';

/** Signing in with e-mail and password; then the two-factor step, then back where the person was going. */
@Component({
  selector: 'kr-sign-in-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, ShowPassword, TranslatePipe],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly flow = inject(AuthFlow);
  private readonly router = inject(Router);
  private readonly locale = inject(LanguageService).locale;
  private readonly injector = inject(Injector);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('formElement');

  /** Where the person was going (query parameter), checked before use. */
  readonly returnUrl = input<string>();
  /** `session-expired` when the API ended the session. */
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly sessionExpired = computed(() => this.reason() === SESSION_EXPIRED && this.problem() === null);

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formElement().nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    this.busy.set(true);
    const { email, password } = this.form.getRawValue();
    this.api
      .signIn({ email: email.trim(), password })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (session) => {
          this.store.set(session);
          void this.router.navigateByUrl(this.flow.nextUrl(session, this.returnUrl()));
        },
        error: (error: unknown) => this.show(error),
      });
  }

  private show(error: unknown): void {
    const fields = apiFieldErrors(error);
    if (apiErrorCode(error) === ErrorCode.ValidationFailed && fields.length > 0) {
      for (const field of fields) {
        const control = field.field === 'email' || field.field === 'password' ? this.form.controls[field.field] : null;
        control?.setErrors({ server: field.code });
        control?.markAsTouched();
      }
      this.formElement().nativeElement.querySelector<HTMLInputElement>('input.ng-invalid')?.focus();
      return;
    }
    this.problem.set(errorMessage(error, this.locale()));
    afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
  }
}
