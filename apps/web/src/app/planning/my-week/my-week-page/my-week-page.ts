import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { StaffRole } from '@kring/domain';
import { SessionStore } from '../../../core/auth/session.store';
import { formatDay } from '../../../core/i18n/date-time';
import { LanguageService } from '../../../core/i18n/language.service';
import { PLANNING_PATHS } from '../../planning-paths';
import type { Day } from '../../shared/planning-dates';
import { PLANNING_NOW, middayOf } from '../../shared/planning-dates';
import { SessionCard } from '../../shared/session-card/session-card';
import { CalendarFeedCard } from '../calendar-feed-card/calendar-feed-card';
import { MyWeekStore } from '../my-week.store';
import { LoadError } from '../../../shared/load-error/load-error';

/** `/mijn-week`: the sessions I lead this week and next, today first; and my calendar link. */
@Component({
  selector: 'kr-my-week-page',
  imports: [CalendarFeedCard, LoadError, MatButtonModule, MatIconModule, MatProgressSpinnerModule, RouterLink, SessionCard, TranslatePipe],
  providers: [MyWeekStore],
  templateUrl: './my-week-page.html',
  styleUrl: './my-week-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWeekPage {
  private readonly store = inject(MyWeekStore);
  private readonly staff = inject(SessionStore);
  private readonly now = inject(PLANNING_NOW);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = PLANNING_PATHS;
  protected readonly sessions = this.store.sessions;
  protected readonly agenda = this.store.agenda;
  protected readonly isCoordinator = computed(() => this.staff.roles().includes(StaffRole.Coordinator));
  protected readonly firstName = computed(() => this.staff.user()?.displayName.split(/\s+/)[0] ?? '');

  protected dayName(day: Day): string {
    return formatDay(middayOf(day), this.locale(), 'long', this.now());
  }

  protected retry(): void {
    this.store.reload();
  }
}
