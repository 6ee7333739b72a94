import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { TwoFactorEnrolment } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import { finalize } from 'rxjs';
import { AuthApi } from '../../core/auth/auth.api';
import { AuthFlow, landingPath, safeReturnUrl } from '../../core/auth/auth-flow';
import { SessionStore } from '../../core/auth/session.store';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { CopyButton } from '../../shared/copy-button/copy-button';
import { RecoveryCodesStep } from '../recovery-codes/recovery-codes';
import { groupedKey, svgDataUrl } from './svg-data-url';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

export const ENROLMENT_STEPS = ['app', 'scan', 'code', 'codes'] as const;
export type EnrolmentStep = (typeof ENROLMENT_STEPS)[number];

/**
 * Setting up two-factor sign-in, one short step at a time: install an app, scan the QR code
 * (or type the key), give the first code, keep the recovery codes.
 */
@Component({
  selector: 'kr-two-factor-enrolment-page',
  imports: [
    CopyButton,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ProblemNotice,
    ReactiveFormsModule,
    RecoveryCodesStep,
    TranslatePipe,
  ],
  templateUrl: './two-factor-enrolment-page.html',
  styleUrl: './two-factor-enrolment-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TwoFactorEnrolmentPage {
  private readonly api = inject(AuthApi);
  private readonly store = inject(SessionStore);
  private readonly flow = inject(AuthFlow);
  private readonly router = inject(Router);
  private readonly locale = inject(LanguageService).locale;
  private readonly injector = inject(Injector);
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  readonly returnUrl = input<string>();

  protected readonly steps = ENROLMENT_STEPS;
  protected readonly step = signal<EnrolmentStep>('app');
  protected readonly stepNumber = computed(() => ENROLMENT_STEPS.indexOf(this.step()) + 1);
  /** Required for admins and coordinators; a choice for group workers. */
  protected readonly required = computed(() => this.store.twoFactor()?.required ?? true);
  protected readonly email = computed(() => this.store.user()?.email ?? '');

  protected readonly enrolment = signal<TwoFactorEnrolment | null>(null);
  protected readonly enrolmentProblem = signal<ErrorMessage | null>(null);
  protected readonly qrSrc = computed(() => {
    const enrolment = this.enrolment();
    return enrolment ? svgDataUrl(enrolment.qrSvg) : null;
  });
  protected readonly key = computed(() => groupedKey(this.enrolment()?.secret ?? ''));

  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required]] });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly recoveryCodes = signal<readonly string[]>([]);

  constructor() {
    this.start();
  }

  /** Asks the server for a new key to scan; nothing changes for signing in until it is confirmed. */
  protected start(): void {
    this.enrolmentProblem.set(null);
    this.api.startEnrolment().subscribe({
      next: (enrolment) => this.enrolment.set(enrolment),
      error: (error: unknown) => this.enrolmentProblem.set(errorMessage(error, this.locale())),
    });
  }

  protected go(step: EnrolmentStep): void {
    this.step.set(step);
    this.problem.set(null);
    afterNextRender(() => (step === 'code' ? this.codeInput()?.nativeElement : this.stepHeading()?.nativeElement)?.focus(), {
      injector: this.injector,
    });
  }

  protected confirm(): void {
    if (this.busy()) return;
    this.problem.set(null);
    const control = this.form.controls.code;
    const code = control.value.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) {
      control.setErrors(code === '' ? { required: true } : { format: true });
      control.markAsTouched();
      this.codeInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.api
      .confirmEnrolment(code)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: ({ recoveryCodes }) => {
          this.recoveryCodes.set(recoveryCodes);
          this.go('codes');
        },
        error: (error: unknown) => {
          if (apiErrorCode(error) === ErrorCode.InvalidTwoFactorCode) {
            control.setErrors({ wrong: true });
            control.markAsTouched();
            this.codeInput()?.nativeElement.select();
            return;
          }
          this.problem.set(errorMessage(error, this.locale()));
        },
      });
  }

  /** The codes are kept: the session now counts as two-factor verified, on to work. */
  protected finish(): void {
    void this.store
      .load()
      .then((session) => this.router.navigateByUrl(session ? this.flow.nextUrl(session, this.returnUrl()) : this.flow.signInUrl()));
  }

  /** Only when it is a choice: back to where the person came from. */
  protected notNow(): void {
    const session = this.store.session();
    void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? (session ? landingPath(session) : '/'));
  }
}
