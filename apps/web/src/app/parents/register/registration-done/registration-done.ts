import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { PublicRegisterResponse } from '@kring/domain';
import { RegistrationStatus } from '@kring/domain';
import { LanguageService } from '../../../core/i18n/language.service';
import { PublicFinderApi } from '../../data/public-finder.api';
import { CentreContactLinks } from '../../shared/centre-contact-links/centre-contact-links';
import { MANAGE_PATH, manageToken } from '../../shared/manage-link';
import { pluralKey } from '../../shared/plural';
import { spacedCode, spelledCode } from '../../shared/registration-code';
import { WhenPipe } from '../../shared/when.pipe';
import type { Channel } from '../registration-rules';

/** How many dates the done page lists before "en nog … keer". */
const SHOWN_DATES = 3;

/**
 * Done: the big code, what happens next in plain words, the waitlist and its fairness rule,
 * the calendar, and the link to change things (also sent by SMS or e-mail). When the same
 * contact had just registered for these dates, the page shows nothing of that registration (the
 * person at the form may not be the parent): it says the confirmation goes to that number or address.
 */
@Component({
  selector: 'kr-registration-done',
  imports: [CentreContactLinks, MatButtonModule, MatIconModule, RouterLink, TranslatePipe, WhenPipe],
  templateUrl: './registration-done.html',
  styleUrl: './registration-done.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegistrationDone {
  private readonly finder = inject(PublicFinderApi);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  readonly result = input.required<PublicRegisterResponse>();
  readonly groupId = input.required<string>();
  readonly channel = input.required<Channel>();

  protected readonly locale = inject(LanguageService).locale;
  /** Sent again to the contact on file: no code, link or dates here. */
  protected readonly sentAgain = computed(() => this.result().code === null);
  protected readonly code = computed(() => spacedCode(this.result().code ?? ''));
  protected readonly spelled = computed(() => spelledCode(this.result().code ?? ''));
  private readonly coming = computed(() => this.result().registrations.filter((r) => r.status !== RegistrationStatus.Cancelled));
  protected readonly confirmed = computed(() => this.coming().filter((r) => r.status === RegistrationStatus.Confirmed).length);
  protected readonly waiting = computed(() =>
    this.coming().filter((r) => r.status === RegistrationStatus.Waitlisted || r.status === RegistrationStatus.Offered),
  );
  /** The place in line of the first date the family waits for. */
  protected readonly position = computed(() => this.waiting()[0]?.waitlistPosition ?? null);
  protected readonly headingKey = computed(() =>
    this.sentAgain() ? 'parents.done.headingSent' : this.confirmed() > 0 ? 'parents.done.headingConfirmed' : 'parents.done.headingWaitlist',
  );
  protected readonly series = computed(() => this.result().registrations.some((r) => r.series));
  protected readonly dates = computed(() => this.coming().slice(0, SHOWN_DATES));
  protected readonly moreDates = computed(() => Math.max(0, this.coming().length - SHOWN_DATES));
  protected readonly moreDatesKey = computed(() => pluralKey('parents.done.moreDates', this.moreDates(), this.locale()));
  protected readonly manageToken = computed(() => manageToken(this.result().manageUrl ?? ''));
  protected readonly managePath = MANAGE_PATH;
  protected readonly calendarLink = computed(() => this.finder.calendarUrl(this.groupId(), this.locale()));

  constructor() {
    afterNextRender(() => this.heading().nativeElement.focus());
  }
}
