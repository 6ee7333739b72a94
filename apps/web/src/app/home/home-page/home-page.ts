import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language.service';
import { PublicGroupList } from '../../groups/public-group-list/public-group-list';

/** The public start page: a welcome for parents and the groups they can join. */
@Component({
  selector: 'kr-home-page',
  imports: [MatButtonModule, MatIconModule, PublicGroupList, RouterLink, TranslatePipe],
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

  constructor() {
    // The start page is for parents too: Arabic is offered here as on the parent pages.
    inject(DestroyRef).onDestroy(inject(LanguageService).offerParentLanguages());
  }
}
