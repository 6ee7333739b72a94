import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FamilyByCodeView } from '@kring/domain';
import { ErrorCode, isRegistrationCode } from '@kring/domain';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { StaffRegistrationsApi } from '../data-access/staff-registrations.api';
import { REGISTRATION_PATHS } from '../registration-paths';

function registrationCode(control: AbstractControl<string>): ValidationErrors | null {
  return isRegistrationCode(control.value) ? null : { code: true };
}

/** `/inschrijvingen`: a family quotes its six-character code; find it and its registrations in my groups. */
@Component({
  selector: 'kr-find-by-code-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
    SessionTimePipe,
    TranslatePipe,
  ],
  templateUrl: './find-by-code-page.html',
  styleUrl: './find-by-code-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindByCodePage {
  private readonly api = inject(StaffRegistrationsApi);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = REGISTRATION_PATHS;
  protected readonly code = new FormControl('', { nonNullable: true, validators: [registrationCode] });
  protected readonly form = new FormGroup({ code: this.code });
  protected readonly busy = signal(false);
  protected readonly found = signal<FamilyByCodeView | null>(null);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected search(): void {
    this.found.set(null);
    this.problem.set(null);
    if (this.code.invalid) {
      this.code.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.api.byCode(this.code.value, this.locale()).subscribe({
      next: (family) => {
        this.busy.set(false);
        this.found.set(family);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(
          apiErrorCode(error) === ErrorCode.NotFound ? { key: 'registrations.find.notFound' } : errorMessage(error, this.locale()),
        );
      },
    });
  }
}
