import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { PrivacyNotice } from '@kring/domain';
import { LanguageService } from '../../../core/i18n/language.service';
import { RegistrationFlow } from '../registration-flow';

/** Step 5: the privacy notice in short ("lees meer" opens the whole text) and the parent's yes. */
@Component({
  selector: 'kr-consent-step',
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule, ReactiveFormsModule, TranslatePipe],
  templateUrl: './consent-step.html',
  styleUrl: './consent-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConsentStep {
  private readonly flow = inject(RegistrationFlow);
  private readonly locale = inject(LanguageService).locale;

  /** The notice in the page language (null while it loads or when it could not be loaded). */
  readonly notice = input<PrivacyNotice | null>(null);

  protected readonly control = this.flow.form.controls.consent;
  protected readonly errors = this.flow.errors;
  protected readonly open = signal(false);
  /** The notice's language when it is not the page's. */
  protected readonly noticeLocale = computed(() => {
    const notice = this.notice();
    return notice && notice.locale !== this.locale() ? notice.locale : null;
  });

  protected toggle(): void {
    this.open.update((open) => !open);
  }
}
