import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { SeriesEnrolmentView, SeriesSessionSeat } from '@kring/domain';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { formatDay } from '../../core/i18n/date-time';
import { LanguageService } from '../../core/i18n/language.service';
import { pluralKey } from '../../parents/shared/plural';
import { spacedCode } from '../../parents/shared/registration-code';
import { PLANNING_PATHS } from '../../planning/planning-paths';
import { PLANNING_NOW } from '../../planning/shared/planning-dates';
import { SessionTimePipe } from '../../planning/shared/session-time.pipe';
import { confirmThen } from '../../shared/confirm-dialog/confirm-dialog';
import { StaffRegistrationsApi } from '../data-access/staff-registrations.api';
import { REGISTRATION_PATHS } from '../registration-paths';
import { childAge, telLink } from '../shared/child-age';
import { unskipOutcome, unskipProblem } from '../shared/unskip-outcome';
import { LoadError } from '../../shared/load-error/load-error';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';

/**
 * `/inschrijvingen/groep/:id`: the families registered for a group's whole series, with their coming dates;
 * a date a family skipped can be taken back ("comes after all").
 */
@Component({
  selector: 'kr-series-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, ProblemNotice, RouterLink, SessionTimePipe, TranslatePipe],
  templateUrl: './series-page.html',
  styleUrl: './series-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SeriesPage {
  private readonly api = inject(StaffRegistrationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private readonly now = inject(PLANNING_NOW);

  /** The route's `:id` (the group). */
  readonly id = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly paths = REGISTRATION_PATHS;
  protected readonly planningPaths = PLANNING_PATHS;
  protected readonly view = rxResource({
    params: () => ({ id: this.id(), locale: this.locale() }),
    stream: ({ params }) => this.api.enrolments(params.id, params.locale),
  });
  protected readonly countKey = computed(() =>
    pluralKey('registrations.series.count', this.view.hasValue() ? this.view.value().enrolments.length : 0, this.locale()),
  );
  protected readonly done = signal<string | null>(null);
  protected readonly problem = signal<ErrorMessage | null>(null);
  /** The registration whose "comes after all" is on its way (its button waits). */
  protected readonly busy = signal<string | null>(null);

  protected code(enrolment: SeriesEnrolmentView): string {
    return spacedCode(enrolment.family.code);
  }

  protected tel(phone: string): string {
    return telLink(phone);
  }

  protected ages(enrolment: SeriesEnrolmentView) {
    return enrolment.family.children.map((month) => childAge(month, this.locale(), this.now())).filter((age) => age !== null);
  }

  protected enrolledOn(enrolment: SeriesEnrolmentView): string {
    return formatDay(new Date(enrolment.enrolledAt), this.locale(), 'long', this.now());
  }

  protected stop(enrolment: SeriesEnrolmentView): void {
    const name = enrolment.family.displayName;
    this.problem.set(null);
    confirmThen(
      this.dialog,
      {
        titleKey: 'registrations.series.confirmStop.title',
        textKey: 'registrations.series.confirmStop.text',
        confirmKey: 'registrations.series.confirmStop.confirm',
        params: { name },
        tone: 'danger',
      },
      () => this.api.stopSeries(enrolment.id),
    ).subscribe({
      next: () => {
        this.view.reload();
        const text = String(this.translate.instant('registrations.series.stopped', { name }));
        this.done.set(text);
        void this.announcer.announce(text);
      },
      error: (error: unknown) => this.problem.set(errorMessage(error, this.locale())),
    });
  }

  /** The family called: it comes on this date after all (a seat, or the back of the waitlist). */
  protected unskip(enrolment: SeriesEnrolmentView, date: SeriesSessionSeat): void {
    const name = enrolment.family.displayName;
    this.problem.set(null);
    this.done.set(null);
    this.busy.set(date.registrationId);
    this.api.unskip(date.registrationId).subscribe({
      next: (list) => {
        this.busy.set(null);
        this.view.reload();
        const outcome = unskipOutcome(list, date.registrationId, name);
        const text = String(this.translate.instant(outcome.key, outcome.params));
        this.done.set(text);
        void this.announcer.announce(text);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.problem.set(unskipProblem(error, this.locale()));
        this.view.reload();
      },
    });
  }

  protected retry(): void {
    this.view.reload();
  }
}
