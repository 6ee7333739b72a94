import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * What a page shows when what it loads did not come: an alert with a title, the reason in the
 * person's language and, where trying again can help, a retry button.
 * `<kr-load-error titleKey="planning.calendar.error" [error]="sessions.error()" (retry)="retry()" />`
 */
@Component({
  selector: 'kr-load-error',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './load-error.html',
  styles: ':host { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadError {
  private readonly locale = inject(LanguageService).locale;

  /** The notice's title (a translation key), a level-2 heading. */
  readonly titleKey = input.required<string>();
  /** The failed request's error; its reason is said under the title. Left out: the title alone. */
  readonly error = input<unknown>();
  readonly icon = input<'kr:error' | 'kr:info'>('kr:error');
  /** Whether the retry button shows (and with which icon, if any). */
  readonly retryable = input(true);
  readonly retryIcon = input<string | null>(null);
  readonly retry = output();

  protected readonly reason = computed(() => (this.error() === undefined ? null : errorMessage(this.error(), this.locale())));
}
