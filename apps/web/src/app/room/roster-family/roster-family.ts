import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { AttendanceStatus, RosterFamily } from '@kring/domain';
import { MARKS_BEFORE_THE_DAY } from '@kring/domain';
import { FlagMenu } from '../../flags/flag-menu/flag-menu';
import { familyHistoryLink } from '../family-history-page/family-history-link';
import { ROOM_PATHS } from '../room-paths';

/** The three choices, in the order a group worker thinks of them. */
export const STATUS_CHOICES: ReadonlyArray<{ value: AttendanceStatus; icon: string }> = [
  { value: 'present', icon: 'kr:check' },
  { value: 'absent', icon: 'kr:remove' },
  { value: 'excused', icon: 'kr:chatBubble' },
];

/**
 * One family on the roster: the name, a call button (the number itself is not shown), and three
 * big toggles: aanwezig, afwezig, verwittigd. Tapping the current choice again changes nothing.
 * Below them, out of the way, a small link to the family's earlier sessions, and "Meer" with
 * "Signaal noteren" (a deliberate tap; nothing shows whether a family has a flag).
 */
@Component({
  selector: 'kr-roster-family',
  imports: [FlagMenu, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  templateUrl: './roster-family.html',
  styleUrl: './roster-family.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterFamilyItem {
  readonly family = input.required<RosterFamily>();
  readonly disabled = input(false);
  /** Before the session's day: only the choices that may be set ahead ("verwittigd") can be tapped. */
  readonly ahead = input(false);
  /** Where "back" on the family's history page leads (the roster this family is on). */
  readonly backTo = input<string>(ROOM_PATHS.today);
  /** The session of this roster (goes along with a flag noted from here). */
  readonly sessionId = input<string | undefined>(undefined);
  readonly marked = output<AttendanceStatus>();

  protected readonly choices = STATUS_CHOICES;
  protected readonly history = computed(() => familyHistoryLink(this.family().familyId, this.family().displayName, this.backTo()));

  protected off(status: AttendanceStatus): boolean {
    return this.disabled() || (this.ahead() && !MARKS_BEFORE_THE_DAY.includes(status));
  }

  protected choose(status: AttendanceStatus): void {
    if (this.off(status) || this.family().status === status) return;
    this.marked.emit(status);
  }
}
