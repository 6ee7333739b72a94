import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { reachesAllGroups } from '@kring/domain';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { StaffGroupCard } from '../staff-group-card/staff-group-card';
import { StaffGroupsApi } from '../staff-groups.api';
import { LoadError } from '../../shared/load-error/load-error';

/** "Mijn groepen": the groups a group worker runs, or all groups for a coordinator. */
@Component({
  selector: 'kr-my-groups-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressSpinnerModule, StaffGroupCard, TranslatePipe],
  templateUrl: './my-groups-page.html',
  styleUrl: './my-groups-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyGroupsPage {
  private readonly api = inject(StaffGroupsApi);
  private readonly store = inject(SessionStore);
  private readonly locale = inject(LanguageService).locale;

  /** Reloads in the new language when the language changes. */
  protected readonly groups = rxResource({
    params: () => this.locale(),
    stream: ({ params: locale }) => this.api.list(locale),
  });
  protected readonly seesAll = computed(() => reachesAllGroups(this.store.roles()));
  protected readonly firstName = computed(() => this.store.user()?.displayName.split(/\s+/)[0] ?? '');

  protected retry(): void {
    this.groups.reload();
  }
}
