import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { SessionView } from '@kring/domain';
import { LanguageService } from '../../../core/i18n/language.service';
import { PLANNING_PATHS } from '../../planning-paths';
import type { Clash } from '../clashes';
import { SessionTimePipe } from '../session-time.pipe';

/**
 * One session as a card that opens it: the time as people say it, the group, where, and its
 * status (cancelled, changed by hand, double-booked).
 */
@Component({
  selector: 'kr-session-card',
  imports: [MatIconModule, RouterLink, SessionTimePipe, TranslatePipe],
  templateUrl: './session-card.html',
  styleUrl: './session-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionCard {
  readonly session = input.required<SessionView>();
  /** `time`: only the hours (the day is in a heading above); `short`: with the day. */
  readonly timeStyle = input<'time' | 'short' | 'long'>('time');
  readonly clashes = input<readonly Clash[]>([]);
  readonly headingLevel = input<2 | 3>(3);

  protected readonly locale = inject(LanguageService).locale;
  protected readonly link = computed(() => [PLANNING_PATHS.session, this.session().id]);
  protected readonly cancelled = computed(() => this.session().status === 'cancelled');
  protected readonly facilitators = computed(() =>
    this.session()
      .facilitators.map((f) => f.displayName)
      .join(', '),
  );
}
