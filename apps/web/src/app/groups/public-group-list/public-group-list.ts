import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { GroupCard } from '../group-card/group-card';
import { PublicGroupsStore } from '../public-groups.store';

/** The public groups in the current language, with kind loading, empty and error states. */
@Component({
  selector: 'kr-public-group-list',
  imports: [GroupCard, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslatePipe],
  providers: [PublicGroupsStore],
  templateUrl: './public-group-list.html',
  styleUrl: './public-group-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicGroupList {
  private readonly store = inject(PublicGroupsStore);

  protected readonly state = this.store.current;

  protected retry(): void {
    this.store.retry();
  }
}
