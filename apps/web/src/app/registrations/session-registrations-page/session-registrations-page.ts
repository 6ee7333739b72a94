import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { StaffRegistrationView } from '@kring/domain';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { PLANNING_PATHS } from '../../planning/planning-paths';
import { PLANNING_NOW } from '../../planning/shared/planning-dates';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { confirmThen } from '../../shared/confirm-dialog/confirm-dialog';
import { sessionWithRegistrations } from '../data-access/session-with-registrations';
import { StaffRegistrationsApi } from '../data-access/staff-registrations.api';
import { openMoveDialog } from '../move-dialog/move-dialog';
import { openRegisterDialog } from '../register-dialog/register-dialog';
import { RegistrationCard } from '../registration-card/registration-card';
import { REGISTRATION_PATHS } from '../registration-paths';
import { unskipOutcome, unskipProblem } from '../shared/unskip-outcome';
import { LoadError } from '../../shared/load-error/load-error';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

/**
 * `/inschrijvingen/bijeenkomst/:id`: who comes to a session and who waits, in order; register a
 * family on its behalf, move one to another date, cancel one, take back a family's "not this week";
 * the sign-in sheet to print.
 */
@Component({
  selector: 'kr-session-registrations-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ProblemNotice,
    RegistrationCard,
    RouterLink,
    SessionTimePipe,
    TranslatePipe,
  ],
  templateUrl: './session-registrations-page.html',
  styleUrl: './session-registrations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionRegistrationsPage {
  private readonly api = inject(StaffRegistrationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private readonly now = inject(PLANNING_NOW);

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = REGISTRATION_PATHS;
  protected readonly planningPaths = PLANNING_PATHS;
  private readonly loaded = sessionWithRegistrations(this.id, this.locale);
  protected readonly session = this.loaded.session;
  protected readonly registrations = this.loaded.registrations;
  protected readonly loading = this.loaded.loading;
  protected readonly loadError = this.loaded.error;
  protected readonly done = signal<{ key: string; params: Record<string, string> } | null>(null);
  protected readonly problem = signal<ErrorMessage | null>(null);
  /** The registration whose "comes after all" is on its way (its button waits). */
  protected readonly busy = signal<string | null>(null);

  private readonly list = computed(() => (this.registrations.hasValue() ? this.registrations.value() : []));
  protected readonly confirmed = computed(() => this.list().filter((r) => r.status === 'confirmed'));
  /** Offered first (a seat is held for them), then waiting in queue order, as the API sends them. */
  protected readonly waiting = computed(() => this.list().filter((r) => r.status === 'offered' || r.status === 'waitlisted'));
  protected readonly gone = computed(() => this.list().filter((r) => r.status === 'cancelled' || r.status === 'skipped'));
  protected readonly seatsTaken = computed(() =>
    this.list()
      .filter((r) => r.status === 'confirmed' || r.status === 'offered')
      .reduce((sum, r) => sum + r.seats, 0),
  );
  /** Families can be registered, moved and cancelled while the session is planned and still to come. */
  protected readonly open = computed(
    () => this.session.hasValue() && this.session.value().status === 'planned' && new Date(this.session.value().endsAt) > this.now(),
  );

  protected register(): void {
    if (!this.session.hasValue()) return;
    openRegisterDialog(this.dialog, { session: this.session.value() }).subscribe((registered) => {
      if (registered) this.registrations.reload();
    });
  }

  protected move(registration: StaffRegistrationView): void {
    if (!this.session.hasValue()) return;
    this.problem.set(null);
    openMoveDialog(this.dialog, { registration, session: this.session.value() }).subscribe((moved) => {
      if (!moved) return;
      this.registrations.reload();
      this.tell('registrations.session.moved', { name: registration.family.displayName });
    });
  }

  protected cancel(registration: StaffRegistrationView): void {
    const name = registration.family.displayName;
    this.problem.set(null);
    confirmThen(
      this.dialog,
      {
        titleKey: 'registrations.session.confirmCancel.title',
        textKey: 'registrations.session.confirmCancel.text',
        confirmKey: 'registrations.session.confirmCancel.confirm',
        params: { name },
        tone: 'danger',
      },
      () => this.api.cancel(registration.id),
    ).subscribe({
      next: () => {
        this.registrations.reload();
        this.tell('registrations.session.cancelledOne', { name });
      },
      error: (error: unknown) => this.problem.set(errorMessage(error, this.locale())),
    });
  }

  /** The family called: it comes after all. The API places it again (a seat, or the back of the waitlist). */
  protected unskip(registration: StaffRegistrationView): void {
    const name = registration.family.displayName;
    this.problem.set(null);
    this.done.set(null);
    this.busy.set(registration.id);
    this.api.unskip(registration.id).subscribe({
      next: (list) => {
        this.busy.set(null);
        this.registrations.set(list);
        const outcome = unskipOutcome(list, registration.id, name);
        this.tell(outcome.key, outcome.params);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.problem.set(unskipProblem(error, this.locale()));
        this.registrations.reload();
      },
    });
  }

  protected retry(): void {
    this.loaded.reload();
  }

  private tell(key: string, params: Record<string, string>): void {
    this.done.set({ key, params });
    void this.announcer.announce(String(this.translate.instant(key, params)));
  }
}
