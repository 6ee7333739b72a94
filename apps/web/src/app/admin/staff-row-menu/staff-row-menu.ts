import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import type { StaffUserSummary } from '@kring/domain';
import { StaffAdminActions } from '../staff-admin-actions';

/** The actions on one account, in a menu named after the person. */
@Component({
  selector: 'kr-staff-row-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  templateUrl: './staff-row-menu.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffRowMenu {
  protected readonly actions = inject(StaffAdminActions);

  readonly user = input.required<StaffUserSummary>();
  /** The signed-in admin's own row: deactivating and the like are for another admin. */
  protected readonly isSelf = computed(() => this.actions.isSelf(this.user()));
}
