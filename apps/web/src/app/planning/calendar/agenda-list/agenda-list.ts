import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionView } from '@kring/domain';
import { formatDay } from '../../../core/i18n/date-time';
import { LanguageService } from '../../../core/i18n/language.service';
import type { Clash } from '../../shared/clashes';
import type { Day } from '../../shared/planning-dates';
import { PLANNING_NOW, middayOf } from '../../shared/planning-dates';
import { SessionCard } from '../../shared/session-card/session-card';

/** Days one under the other, each with its sessions as cards: the week view, and the month on a phone. */
@Component({
  selector: 'kr-agenda-list',
  imports: [SessionCard, TranslatePipe],
  templateUrl: './agenda-list.html',
  styleUrl: './agenda-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaList {
  private readonly now = inject(PLANNING_NOW);

  readonly days = input.required<Day[]>();
  readonly byDay = input.required<ReadonlyMap<Day, SessionView[]>>();
  readonly clashes = input<ReadonlyMap<string, Clash[]>>(new Map());
  readonly today = input<Day | null>(null);
  /** Also list days without sessions (a week), or only days with some (a month). */
  readonly showEmptyDays = input(true);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly shownDays = computed(() =>
    this.showEmptyDays() ? this.days() : this.days().filter((day) => (this.byDay().get(day)?.length ?? 0) > 0),
  );

  protected dayName(day: Day): string {
    return formatDay(middayOf(day), this.locale(), 'long', this.now());
  }
}
