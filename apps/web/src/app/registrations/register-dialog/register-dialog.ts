import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { MatDialog } from '@angular/material/dialog';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { Need, RegisterResponse, SessionView } from '@kring/domain';
import { ErrorCode, LOCALES, NEEDS } from '@kring/domain';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { brusselsWallClock } from '../../core/i18n/date-time';
import { languageName } from '../../core/i18n/language-names';
import { LanguageService } from '../../core/i18n/language.service';
import { RegistrationsApi } from '../../parents/data/registrations.api';
import { MAX_CHILDREN, givenChildren } from '../../parents/register/registration-rules';
import { spacedCode, spelledCode } from '../../parents/shared/registration-code';
import { monthName } from '../../parents/shared/when';
import { PLANNING_NOW } from '../../planning/shared/planning-dates';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { StaffRegistrationsApi } from '../data-access/staff-registrations.api';
import type { StaffRegisterAnswers } from './register-form';
import { childRow, emailOrEmpty, phoneOrEmpty, placeFieldErrors, toStaffRequest } from './register-form';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

export interface RegisterDialogData {
  session: SessionView;
}

/**
 * "Gezin inschrijven" on a family's behalf: the parent form's five questions on one screen (name;
 * phone or e-mail; children; needs; how consent was given), for this session or the whole series.
 * Ends with the family's code, big, and whether there was a place.
 */
@Component({
  selector: 'kr-register-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    ProblemNotice,
    ReactiveFormsModule,
    SessionTimePipe,
    TranslatePipe,
  ],
  templateUrl: './register-dialog.html',
  styleUrl: './register-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterDialog {
  private readonly api = inject(StaffRegistrationsApi);
  private readonly privacy = inject(RegistrationsApi);
  private readonly dialogRef = inject<MatDialogRef<RegisterDialog, boolean>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly now = inject(PLANNING_NOW);

  protected readonly data = inject<RegisterDialogData>(MAT_DIALOG_DATA);
  protected readonly locale = inject(LanguageService).locale;
  protected readonly needs = NEEDS;
  protected readonly maxChildren = MAX_CHILDREN;
  protected readonly isSeries = this.data.session.group.kind === 'series';
  protected readonly form = this.fb.group({
    target: this.fb.control<'session' | 'series'>('session'),
    displayName: ['', [Validators.required, Validators.pattern(/\S/), Validators.maxLength(60)]],
    phone: ['', [phoneOrEmpty, Validators.maxLength(30)]],
    email: ['', [emailOrEmpty, Validators.maxLength(254)]],
    locale: this.fb.control<string>('nl'),
    children: this.fb.array([this.childControl()]),
    childrenComing: this.fb.control(0),
    needs: this.fb.group(
      Object.fromEntries(NEEDS.map((need) => [need, this.fb.control(false)])) as Record<Need, ReturnType<typeof this.fb.control<boolean>>>,
    ),
    consentMethod: this.fb.control<'' | 'in_person' | 'phone'>('', Validators.required),
  });
  protected readonly notice = rxResource({
    params: () => this.locale(),
    stream: ({ params }) => this.privacy.privacyNotice(params),
  });
  protected readonly languages = computed(() => LOCALES.map((code) => ({ code, name: languageName(code, this.locale()) })));
  protected readonly months = computed(() =>
    Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), name: monthName(i + 1, this.locale()) })),
  );
  /** Next year (a due month) back to 18 years ago. */
  protected readonly years = Array.from({ length: 20 }, (_, i) => String(brusselsWallClock(this.now()).year + 1 - i));
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly result = signal<RegisterResponse | null>(null);
  protected readonly confirmedCount = computed(() => this.result()?.registrations.filter((r) => r.status === 'confirmed').length ?? 0);
  protected readonly waitingCount = computed(() => this.result()?.registrations.filter((r) => r.status !== 'confirmed').length ?? 0);
  protected readonly spaced = computed(() => spacedCode(this.result()?.code ?? ''));
  protected readonly spelled = computed(() => spelledCode(this.result()?.code ?? ''));

  /** 0 … the number of children given, for "Hoeveel kinderen komen mee?". */
  protected comingChoices(): number[] {
    const given = Math.max(1, givenChildren(this.form.controls.children.getRawValue()).length);
    return Array.from({ length: given + 1 }, (_, i) => i);
  }

  protected addChild(): void {
    if (this.form.controls.children.length < MAX_CHILDREN) this.form.controls.children.push(this.childControl());
  }

  protected removeChild(row: number): void {
    this.form.controls.children.removeAt(row);
  }

  /** The translation key of a control's first error (ours or the API's), when it should show. */
  protected errorKey(control: AbstractControl): string | null {
    if (!control.errors || !(control.touched || this.submitted())) return null;
    const errors = control.errors as Record<string, unknown>;
    if (typeof errors['server'] === 'string') return errors['server'];
    if (typeof errors['invalid'] === 'string') return errors['invalid'];
    return null;
  }

  protected fieldKey(name: 'displayName' | 'consentMethod'): string | null {
    const control = this.form.controls[name];
    if (!control.invalid || !(control.touched || this.submitted())) return null;
    return this.errorKey(control) ?? `registrations.register.errors.${name}`;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set({ key: 'registrations.register.errors.checkFields' });
      return;
    }
    const answers = this.form.getRawValue() as StaffRegisterAnswers;
    this.busy.set(true);
    this.api.register(toStaffRequest(answers, { id: this.data.session.id, groupId: this.data.session.group.id })).subscribe({
      next: (response) => {
        this.busy.set(false);
        this.result.set(response);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = apiFieldErrors(error);
        if (fields.length > 0) {
          for (const { path, key } of placeFieldErrors(fields, answers.children)) {
            const control = path ? this.form.get(path) : null;
            if (control) {
              control.setErrors({ ...(control.errors ?? {}), server: key });
              control.markAsTouched();
            }
          }
          this.problem.set({ key: 'registrations.register.errors.checkFields' });
        } else if (apiErrorCode(error) === ErrorCode.NotFound) {
          this.problem.set({ key: 'registrations.register.errors.notOpen' });
        } else {
          this.problem.set(errorMessage(error, this.locale()));
        }
      },
    });
  }

  protected another(): void {
    this.result.set(null);
    this.submitted.set(false);
    this.form.controls.children.clear();
    this.form.controls.children.push(this.childControl());
    this.form.reset();
  }

  protected close(): void {
    this.dialogRef.close(true);
  }

  private childControl() {
    return this.fb.group({ month: [''], year: [''] }, { validators: childRow(this.now) });
  }
}

/** Opens the form; emits when it closes (a family may have been registered: the list should reload). */
export function openRegisterDialog(dialog: MatDialog, data: RegisterDialogData): Observable<boolean> {
  return dialog
    .open<RegisterDialog, RegisterDialogData, boolean>(RegisterDialog, {
      data,
      maxWidth: '36rem',
      width: 'calc(100% - 16px)',
      autoFocus: 'first-tabbable',
    })
    .afterClosed()
    .pipe(map(() => true));
}
