import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { SetPasswordLink } from '@kring/domain';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { CopyButton } from '../../shared/copy-button/copy-button';

/** The one-time set-password link to pass on: copy it, and until when it works (Brussels time). */
@Component({
  selector: 'kr-set-password-link-panel',
  imports: [CopyButton, DateTimePipe, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  templateUrl: './set-password-link-panel.html',
  styleUrl: './set-password-link-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordLinkPanel {
  readonly link = input.required<SetPasswordLink>();
  /** Whose link it is. */
  readonly name = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
