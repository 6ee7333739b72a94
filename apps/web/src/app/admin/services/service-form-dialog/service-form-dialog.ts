import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import type { CreateReferralServiceRequest, ReferralServiceView, ServiceIntakeChannel, ServiceKind } from '@kring/domain';
import {
  ErrorCode,
  SERVICE_ADDRESS_MAX,
  SERVICE_INTAKE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_NAME_MAX,
  SERVICE_NOTES_MAX,
  SERVICE_PHONE_MAX,
} from '@kring/domain';
import { finalize } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../../core/http/api-error';
import type { ErrorMessage } from '../../../core/http/error-message';
import { errorMessage } from '../../../core/http/error-message';
import { LanguageService } from '../../../core/i18n/language.service';
import { ProblemNotice } from '../../../shared/problem-notice/problem-notice';
import { ReferralServicesAdminApi } from '../referral-services.api';

export type ServiceFormDialogData = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly service: ReferralServiceView };

const PHONE = /^\+?[0-9][0-9 ()./-]{5,}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** Language codes typed as "nl, fr, ar" (or with spaces): each 2 or 3 small letters. */
export function parseLanguages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((code) => code.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

function languagesValid(control: AbstractControl<string>): ValidationErrors | null {
  return parseLanguages(control.value).every((code) => LANGUAGE.test(code)) ? null : { languages: true };
}

const FORM_FIELDS = ['name', 'kind', 'phone', 'email', 'address', 'intakeNotes', 'languages'] as const;
type FormField = (typeof FORM_FIELDS)[number];

/** Add a service to the directory, or change one. Closes with the saved service, or nothing when cancelled. */
@Component({
  selector: 'kr-service-form-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProblemNotice,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './service-form-dialog.html',
  styleUrl: './service-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceFormDialog {
  private readonly api = inject(ReferralServicesAdminApi);
  private readonly dialogRef = inject<MatDialogRef<ServiceFormDialog, ReferralServiceView>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;
  private readonly formElement = viewChild<ElementRef<HTMLFormElement>>('formElement');

  protected readonly data = inject<ServiceFormDialogData>(MAT_DIALOG_DATA);
  private readonly service = this.data.mode === 'edit' ? this.data.service : null;
  protected readonly kinds = SERVICE_KINDS;
  protected readonly channels = SERVICE_INTAKE_CHANNELS;
  protected readonly limits = { name: SERVICE_NAME_MAX, phone: SERVICE_PHONE_MAX, address: SERVICE_ADDRESS_MAX, notes: SERVICE_NOTES_MAX };

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: [this.service?.name ?? '', [Validators.required, Validators.maxLength(SERVICE_NAME_MAX), Validators.pattern(/\S/)]],
    kind: [this.service?.kind ?? ('' as ServiceKind | ''), [Validators.required]],
    phone: [this.service?.phone ?? '', [Validators.maxLength(SERVICE_PHONE_MAX), Validators.pattern(PHONE)]],
    email: [this.service?.email ?? '', [Validators.email]],
    address: [this.service?.address ?? '', [Validators.maxLength(SERVICE_ADDRESS_MAX)]],
    intakeNotes: [this.service?.intakeNotes ?? '', [Validators.maxLength(SERVICE_NOTES_MAX)]],
    languages: [(this.service?.languages ?? ['nl']).join(', '), [languagesValid]],
    channels: this.fb.group(
      Object.fromEntries(SERVICE_INTAKE_CHANNELS.map((c) => [c, this.service?.intakeChannels.includes(c) ?? false])) as Record<
        ServiceIntakeChannel,
        boolean
      >,
    ),
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  protected readonly showChannelError = signal(false);
  protected readonly titleKey = computed(() => (this.service ? 'serviceDirectory.form.editTitle' : 'serviceDirectory.form.createTitle'));

  protected submit(): void {
    if (this.busy()) return;
    this.problem.set(null);
    const channels = SERVICE_INTAKE_CHANNELS.filter((c) => this.form.controls.channels.controls[c].value);
    this.showChannelError.set(channels.length === 0);
    if (this.form.invalid || channels.length === 0) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const v = this.form.getRawValue();
    const request: CreateReferralServiceRequest = {
      name: v.name.trim(),
      kind: v.kind as ServiceKind,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      address: v.address.trim() || null,
      intakeNotes: v.intakeNotes.trim(),
      languages: parseLanguages(v.languages),
      intakeChannels: channels,
    };
    this.busy.set(true);
    const saving = this.service ? this.api.update(this.service.id, request) : this.api.create(request);
    saving.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => this.show(error),
    });
  }

  private show(error: unknown): void {
    const fields = apiFieldErrors(error);
    for (const field of fields) {
      if (field.field === 'intakeChannels') this.showChannelError.set(true);
      const control = (FORM_FIELDS as readonly string[]).includes(field.field) ? this.form.controls[field.field as FormField] : null;
      control?.setErrors({ server: field.code });
      control?.markAsTouched();
    }
    if (fields.length > 0) {
      this.focusFirstInvalid();
      return;
    }
    this.problem.set(
      apiErrorCode(error) === ErrorCode.NotFound ? { key: 'serviceDirectory.errors.gone' } : errorMessage(error, this.locale()),
    );
  }

  private focusFirstInvalid(): void {
    this.formElement()
      ?.nativeElement.querySelector<HTMLElement>(
        '.ng-invalid input, input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, .channels.invalid input',
      )
      ?.focus();
  }
}
