import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import type { StaffRegistrationView } from '@kring/domain';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { pluralKey } from '../../parents/shared/plural';
import { spacedCode } from '../../parents/shared/registration-code';
import { PLANNING_NOW } from '../../planning/shared/planning-dates';
import { childAge, telLink } from '../shared/child-age';

/**
 * One family on a session's list, phone first: name, code, children's ages, how many come,
 * needs, series or once, where it stands on the waitlist; call with one tap; move or cancel.
 */
@Component({
  selector: 'kr-registration-card',
  imports: [DateTimePipe, MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './registration-card.html',
  styleUrl: './registration-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationCard {
  private readonly now = inject(PLANNING_NOW);

  readonly registration = input.required<StaffRegistrationView>();
  /** Whether the move and cancel buttons show (not for families who left, nor for a past or cancelled session). */
  readonly canChange = input(true);
  readonly moveFamily = output<StaffRegistrationView>();
  readonly cancelFamily = output<StaffRegistrationView>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly code = computed(() => spacedCode(this.registration().family.code));
  protected readonly tel = computed(() => {
    const phone = this.registration().family.phone;
    return phone ? telLink(phone) : null;
  });
  protected readonly ages = computed(() =>
    this.registration()
      .family.children.map((month) => childAge(month, this.locale(), this.now()))
      .filter((age) => age !== null),
  );
  protected readonly comingKey = computed(() =>
    pluralKey('registrations.family.coming', this.registration().childrenComing, this.locale()),
  );
  protected readonly waiting = computed(() => this.registration().status === 'waitlisted' || this.registration().status === 'offered');
}
