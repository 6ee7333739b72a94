import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import type { StaffUserSummary } from '@kring/domain';
import { StaffRowMenu } from '../staff-row-menu/staff-row-menu';
import { staffStatus } from '../staff-status';

/** Staff accounts as a table, on a wide screen. */
@Component({
  selector: 'kr-staff-table',
  imports: [MatTableModule, StaffRowMenu, TranslatePipe],
  templateUrl: './staff-table.html',
  styleUrl: './staff-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffTable {
  readonly users = input.required<readonly StaffUserSummary[]>();

  protected readonly columns = ['name', 'email', 'roles', 'status', 'twoFactor', 'actions'];
  protected readonly status = staffStatus;
}
