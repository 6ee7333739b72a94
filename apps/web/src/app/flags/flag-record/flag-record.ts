import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagDetail } from '@kring/domain';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { FlagDayPipe } from '../flag-day.pipe';

/**
 * An opened flag as one reads it: what was seen or heard, and apart from it (another heading,
 * another colour) what the author thinks it may mean; what goes well; the parent's own words;
 * whether it was discussed with the parent; then every amendment and status change in order.
 * Shown only after a deliberate opening; the text lives in the page's memory, nowhere else.
 */
@Component({
  selector: 'kr-flag-record',
  imports: [DateTimePipe, FlagDayPipe, MatIconModule, TranslatePipe],
  templateUrl: './flag-record.html',
  styleUrl: './flag-record.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagRecord {
  readonly flag = input.required<FlagDetail>();

  protected readonly locale = inject(LanguageService).locale;
  /** Amendments and status changes, oldest first, as one story. */
  protected readonly timeline = computed(() => {
    const flag = this.flag();
    const entries = [
      ...flag.amendments.map((amendment) => ({ kind: 'amendment' as const, at: amendment.at, amendment, transition: null })),
      ...flag.transitions
        // The first entry (noted, open) is the line above the list.
        .filter((transition) => transition.from !== null)
        .map((transition) => ({ kind: 'transition' as const, at: transition.at, amendment: null, transition })),
    ];
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  });
}
