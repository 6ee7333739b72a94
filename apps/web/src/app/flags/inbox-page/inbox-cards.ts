import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagSummary } from '@kring/domain';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';

/** The inbox as cards, on a phone or a narrow window. */
@Component({
  selector: 'kr-inbox-cards',
  imports: [DateTimePipe, FlagDayPipe, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './inbox-cards.html',
  styleUrl: './inbox-cards.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxCards {
  readonly flags = input.required<readonly FlagSummary[]>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = FLAG_PATHS;
}
