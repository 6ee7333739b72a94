import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { FlagDetail } from '@kring/domain';
import { ReadPurpose } from '@kring/domain';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { LoadError } from '../../shared/load-error/load-error';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import type { AmendmentDialogData } from '../amendment-dialog/amendment-dialog';
import { AmendmentDialog } from '../amendment-dialog/amendment-dialog';
import { FlagOpener } from '../data/flag-opener';
import { FlagsApi } from '../data/flags.api';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';
import { FlagRecord } from '../flag-record/flag-record';

/**
 * One of my flags: what it is about and where it stands; reading what I wrote is a deliberate
 * tap (a fresh code if the last one is older than a quarter of an hour; the read is recorded as
 * "own note"). An amendment adds to it; nothing is edited in place.
 */
@Component({
  selector: 'kr-my-flag-page',
  imports: [
    DateTimePipe,
    FlagDayPipe,
    FlagRecord,
    LoadError,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    PrivacyButton,
    ProblemNotice,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './my-flag-page.html',
  styleUrl: './my-flag-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyFlagPage {
  private readonly api = inject(FlagsApi);
  private readonly opener = inject(FlagOpener);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);

  /** From the address (`/mijn-signalen/:flagId`). */
  readonly flagId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly minePath = FLAG_PATHS.mine;
  protected readonly flags = rxResource({ stream: () => this.api.mine() });
  protected readonly summary = computed(() =>
    this.flags.hasValue() ? (this.flags.value().find((f) => f.id === this.flagId()) ?? null) : null,
  );
  /** The opened text: in this page's memory only, gone when the page is left or "Verbergen" is tapped. */
  protected readonly detail = signal<FlagDetail | null>(null);
  protected readonly opening = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  /** Reading needs two-factor sign-in, which this account has not set up. */
  protected readonly notEnrolled = signal(false);

  protected async open(): Promise<void> {
    if (this.opening()) return;
    this.opening.set(true);
    this.problem.set(null);
    const id = this.flagId();
    const result = await this.opener.open(() => this.api.open(id, { purpose: ReadPurpose.OwnNote }));
    this.opening.set(false);
    if (result.kind === 'opened') this.detail.set(result.value);
    this.notEnrolled.set(result.kind === 'not-enrolled');
    if (result.kind === 'failed') this.problem.set(errorMessage(result.error, this.locale()));
  }

  protected hide(): void {
    this.detail.set(null);
  }

  protected amend(): void {
    this.dialog
      .open<AmendmentDialog, AmendmentDialogData, boolean>(AmendmentDialog, {
        data: { flagId: this.flagId() },
        maxWidth: '34rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        void this.announcer.announce(String(this.translate.instant('flags.amend.saved')));
        // An open text shows the amendment too (the code is still fresh: no second question).
        if (this.detail()) void this.open();
      });
  }
}
