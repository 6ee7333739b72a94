import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { PublicGroupList } from '../../groups/public-group-list/public-group-list';

/** The public start page: a welcome for parents and the groups they can join. */
@Component({
  selector: 'kr-home-page',
  imports: [MatIconModule, PublicGroupList, TranslatePipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  protected readonly promises = [
    { icon: 'kr:heart', key: 'home.promises.welcome' },
    { icon: 'kr:chatBubble', key: 'home.promises.share' },
    { icon: 'kr:person', key: 'home.promises.guide' },
  ] as const;
}
