import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { StaffUserSummary } from '@kring/domain';
import { StaffRowMenu } from '../staff-row-menu/staff-row-menu';
import { staffStatus } from '../staff-status';

/** Staff accounts as a list of cards, on a phone (no tables on phones). */
@Component({
  selector: 'kr-staff-cards',
  imports: [StaffRowMenu, TranslatePipe],
  templateUrl: './staff-cards.html',
  styleUrl: './staff-cards.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffCards {
  readonly users = input.required<readonly StaffUserSummary[]>();

  protected readonly status = staffStatus;
}
