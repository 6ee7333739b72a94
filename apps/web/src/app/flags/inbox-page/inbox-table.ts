import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { Sort } from '@angular/material/sort';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagSummary } from '@kring/domain';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import type { InboxOrder } from '../data/inbox-sort';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';

/** The inbox as a table, on a wide screen: each header sorts (by keyboard too), the family's name opens the flag. */
@Component({
  selector: 'kr-inbox-table',
  imports: [DateTimePipe, FlagDayPipe, MatIconModule, MatSortModule, MatTableModule, RouterLink, TranslatePipe],
  templateUrl: './inbox-table.html',
  styleUrl: './inbox-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxTable {
  readonly flags = input.required<readonly FlagSummary[]>();
  readonly order = input.required<InboxOrder>();
  readonly sorted = output<Sort>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = FLAG_PATHS;
  protected readonly columns = ['urgency', 'family', 'category', 'location', 'author', 'created', 'review', 'status'];
}
