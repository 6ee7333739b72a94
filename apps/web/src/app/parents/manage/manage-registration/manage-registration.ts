import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { RegistrationView } from '@kring/domain';
import { RegistrationStatus } from '@kring/domain';
import { LanguageService } from '../../../core/i18n/language.service';
import { WhenPipe } from '../../shared/when.pipe';
import type { DateAction } from '../manage-view';
import { POSITIVE_ACTIONS, actionsFor } from '../manage-view';

const STATUS_ICONS: Readonly<Record<string, string>> = {
  confirmed: 'kr:checkCircle',
  waitlisted: 'krp:hourglass',
  offered: 'kr:heart',
  skipped: 'krp:eventBusy',
  cancelled: 'kr:block',
};

/** One date on the manage page: when, where, how it stands, and what the parent can do. */
@Component({
  selector: 'kr-manage-registration',
  imports: [MatButtonModule, MatIconModule, TranslatePipe, WhenPipe],
  templateUrl: './manage-registration.html',
  styleUrl: './manage-registration.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManageRegistration {
  readonly registration = input.required<RegistrationView>();
  /** Another change is on its way: wait. */
  readonly disabled = input(false);
  readonly act = output<DateAction>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly actions = computed(() => actionsFor(this.registration()));
  protected readonly positive = POSITIVE_ACTIONS;
  protected readonly icon = computed(() => STATUS_ICONS[this.registration().status] ?? 'kr:info');
  protected readonly inactive = computed(() => {
    const status = this.registration().status;
    return status === RegistrationStatus.Cancelled || status === RegistrationStatus.Skipped;
  });
}
