import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { LoadError } from '../../shared/load-error/load-error';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { FlagsApi } from '../data/flags.api';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';

/**
 * "Mijn signalen": the flags I noted, newest first: the family, the kind of concern, when, and
 * where it stands. No text here; reading it again is a deliberate step on the flag's own page.
 */
@Component({
  selector: 'kr-my-flags-page',
  imports: [
    DateTimePipe,
    FlagDayPipe,
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PrivacyButton,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './my-flags-page.html',
  styleUrl: './my-flags-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyFlagsPage {
  private readonly api = inject(FlagsApi);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = FLAG_PATHS;
  protected readonly flags = rxResource({
    stream: () => this.api.mine(),
  });

  protected readonly sorted = computed(() => {
    const flags = this.flags.hasValue() ? this.flags.value() : [];
    return [...flags].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}
