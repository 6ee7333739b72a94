import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { AttendanceStatus, RosterFamily } from '@kring/domain';

/** The three choices, in the order a group worker thinks of them. */
export const STATUS_CHOICES: ReadonlyArray<{ value: AttendanceStatus; icon: string }> = [
  { value: 'present', icon: 'kr:check' },
  { value: 'absent', icon: 'kr:remove' },
  { value: 'excused', icon: 'kr:chatBubble' },
];

/**
 * One family on the roster: the name, a call button (the number itself is not shown), and three
 * big toggles: aanwezig, afwezig, verwittigd. Tapping the current choice again changes nothing.
 */
@Component({
  selector: 'kr-roster-family',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './roster-family.html',
  styleUrl: './roster-family.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterFamilyItem {
  readonly family = input.required<RosterFamily>();
  readonly disabled = input(false);
  readonly marked = output<AttendanceStatus>();

  protected readonly choices = STATUS_CHOICES;

  protected choose(status: AttendanceStatus): void {
    if (this.disabled() || this.family().status === status) return;
    this.marked.emit(status);
  }
}
