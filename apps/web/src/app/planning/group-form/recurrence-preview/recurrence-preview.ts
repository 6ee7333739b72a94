import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { PLANNING_HORIZON_WEEKS } from '@kring/domain';
import { formatDay } from '../../../core/i18n/date-time';
import { LanguageService } from '../../../core/i18n/language.service';
import type { Day } from '../../shared/planning-dates';
import { middayOf } from '../../shared/planning-dates';
import { SessionTimePipe } from '../../shared/session-time.pipe';
import type { SchedulePreview } from '../schedule-preview';

/** The dates a schedule gives, live: each can be skipped (struck through) or put back. */
@Component({
  selector: 'kr-recurrence-preview',
  imports: [MatButtonModule, MatIconModule, SessionTimePipe, TranslatePipe],
  templateUrl: './recurrence-preview.html',
  styleUrl: './recurrence-preview.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecurrencePreview {
  readonly preview = input.required<SchedulePreview>();
  /** One meeting only: nothing to skip. */
  readonly single = input(false);
  readonly readonly = input(false);
  /** A date to skip, or to put back. */
  readonly skipToggled = output<Day>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly horizonWeeks = PLANNING_HORIZON_WEEKS;
  protected readonly ready = computed(() => {
    const preview = this.preview();
    return preview.state === 'ready' ? preview : null;
  });
  protected readonly incompleteKey = computed(() => {
    const preview = this.preview();
    return preview.state === 'incomplete' ? `planning.preview.incomplete.${preview.reason}` : null;
  });

  protected dayName(day: Day): string {
    return formatDay(middayOf(day), this.locale());
  }
}
