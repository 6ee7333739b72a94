import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { SessionView } from '@kring/domain';
import { clockTime, formatDay } from '../../../core/i18n/date-time';
import { LanguageService } from '../../../core/i18n/language.service';
import { PLANNING_PATHS } from '../../planning-paths';
import type { Clash } from '../../shared/clashes';
import type { Day } from '../../shared/planning-dates';
import { PLANNING_NOW, middayOf, monthName, weekdayNames } from '../../shared/planning-dates';

/** A month as a table of weeks (Monday first), each day listing its sessions; for wide screens. */
@Component({
  selector: 'kr-month-grid',
  imports: [MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './month-grid.html',
  styleUrl: './month-grid.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonthGrid {
  private readonly translate = inject(TranslateService);
  private readonly now = inject(PLANNING_NOW);

  /** Whole weeks: a multiple of seven days. */
  readonly days = input.required<Day[]>();
  /** Any day of the month shown. */
  readonly month = input.required<Day>();
  readonly byDay = input.required<ReadonlyMap<Day, SessionView[]>>();
  readonly clashes = input<ReadonlyMap<string, Clash[]>>(new Map());
  readonly today = input<Day | null>(null);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly sessionPath = PLANNING_PATHS.session;
  protected readonly caption = computed(() => monthName(this.month(), this.locale()));
  protected readonly weekdays = computed(() => {
    const long = weekdayNames(this.locale());
    return weekdayNames(this.locale(), 'short').map((short, i) => ({ short, long: long[i] }));
  });
  protected readonly weeks = computed(() => {
    const days = this.days();
    return Array.from({ length: Math.ceil(days.length / 7) }, (_, i) => days.slice(i * 7, i * 7 + 7));
  });

  protected inMonth(day: Day): boolean {
    return day.slice(0, 7) === this.month().slice(0, 7);
  }

  protected dayName(day: Day): string {
    return formatDay(middayOf(day), this.locale(), 'long', this.now());
  }

  protected dateNumber(day: Day): number {
    return Number(day.slice(8, 10));
  }

  /** "9.30" or "9.00" (nl), "9:30" (en), "9 h 30" (fr): short, and always with minutes so they line up. */
  protected startTime(session: SessionView): string {
    return String(this.translate.instant('planning.time.bare', clockTime(new Date(session.startsAt)), this.locale()));
  }
}
