import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, input, signal, viewChild } from '@angular/core';
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
import { AuthFlow } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { AccountActions } from '../../account/account-actions';

/** Six digits from the app (or a recovery code), like "482 913". */
const APP_CODE = /^\d{6}$/;
/** A recovery code: ten letters and digits, usually written "abcde-fghij". */
const RECOVERY_CODE = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
@Component({
  selector: 'kr-two-factor-code-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './two-factor-code-page.html',
  styleUrl: './two-factor-code-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorCodePage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly flow = inject(AuthFlow);
  private readonly router = inject(Router);
  private readonly account = inject(AccountActions);
  private readonly locale = inject(LanguageService).locale;
  private readonly injector = inject(Injector);
  private readonly codeInput = viewChild.required<ElementRef<HTMLInputElement>>('codeInput');
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  readonly returnUrl = input<string>();

  /** The app's six digits, or a recovery code instead. */
  protected readonly useRecoveryCode = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required]] });
  protected readonly code = this.form.controls.code;

  protected toggleRecoveryCode(): void {
    this.useRecoveryCode.update((use) => !use);
    this.code.reset('');
    this.problem.set(null);
    afterNextRender(() => this.codeInput().nativeElement.focus(), { injector: this.injector });
  }

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    const code = this.code.value.replace(/\s+/g, '').trim();
    const pattern = this.useRecoveryCode() ? RECOVERY_CODE : APP_CODE;
    if (!pattern.test(code)) {
      this.code.setErrors(code === '' ? { required: true } : { format: true });
      this.code.markAsTouched();
      this.codeInput().nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.api
      .verifyTwoFactor(code)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (session) => {
          this.store.set(session);
          void this.router.navigateByUrl(this.flow.nextUrl(session, this.returnUrl()));
        },
        error: (error: unknown) => {
          if (apiErrorCode(error) === ErrorCode.InvalidTwoFactorCode) {
            this.code.setErrors({ wrong: true });
            this.code.markAsTouched();
            this.codeInput().nativeElement.select();
            return;
          }
          this.problem.set(errorMessage(error, this.locale()));
          afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
        },
      });
  }

  protected signOut(): void {
    this.account.signOut();
  }
}
