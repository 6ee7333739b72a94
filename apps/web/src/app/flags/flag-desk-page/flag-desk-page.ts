import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { FlagDetail, FlagSummary, OpenFlagRequest } from '@kring/domain';
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
import { PurposePicker } from '../purpose-picker/purpose-picker';
import type { ReconfirmDialogData } from '../reconfirm-dialog/reconfirm-dialog';
import { ReconfirmDialog } from '../reconfirm-dialog/reconfirm-dialog';
import type { TransitionDialogData } from '../transition-dialog/transition-dialog';
import { TransitionDialog } from '../transition-dialog/transition-dialog';

/**
 * A coordinator's page for one flag: what it is about (no text), then, deliberately, the text:
 * a purpose first (kept with the read in the audit trail) and a fresh code when the last one is
 * older than a quarter of an hour. Then the status, a re-confirmation, an amendment.
 */
@Component({
  selector: 'kr-flag-desk-page',
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
    PurposePicker,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './flag-desk-page.html',
  styleUrl: './flag-desk-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagDeskPage {
  private readonly api = inject(FlagsApi);
  private readonly opener = inject(FlagOpener);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);

  /** From the address (`/signalen/:flagId`). */
  readonly flagId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly inboxPath = FLAG_PATHS.inbox;
  protected readonly chronologyPath = (familyId: string) => FLAG_PATHS.chronology(familyId);

  /** The flag without its text. */
  protected readonly flag = rxResource({ params: () => this.flagId(), stream: ({ params }) => this.api.summary(params) });
  /** The opened text: in this page's memory only. */
  protected readonly detail = signal<FlagDetail | null>(null);
  protected readonly summary = computed<FlagSummary | null>(() => this.detail() ?? (this.flag.hasValue() ? this.flag.value() : null));

  /** The purpose the text was opened with, to refresh it after a change without asking again. */
  private openedWith: OpenFlagRequest | null = null;
  protected readonly opening = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  protected async openWith(request: OpenFlagRequest): Promise<void> {
    if (this.opening()) return;
    this.opening.set(true);
    this.problem.set(null);
    const id = this.flagId();
    const result = await this.opener.open(() => this.api.open(id, request));
    this.opening.set(false);
    if (result.kind === 'opened') {
      this.openedWith = request;
      this.detail.set(result.value);
    } else if (result.kind === 'failed') this.problem.set(errorMessage(result.error, this.locale()));
  }

  protected hide(): void {
    this.detail.set(null);
    this.openedWith = null;
  }

  protected changeStatus(flag: FlagSummary): void {
    this.dialog
      .open<TransitionDialog, TransitionDialogData, boolean>(TransitionDialog, {
        data: { flagId: flag.id, from: flag.status },
        maxWidth: '34rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.changed('flags.transition.saved'));
  }

  protected reconfirm(flag: FlagSummary): void {
    this.dialog
      .open<ReconfirmDialog, ReconfirmDialogData, boolean>(ReconfirmDialog, {
        data: { flagId: flag.id },
        maxWidth: '34rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.changed('flags.reconfirm.saved'));
  }

  protected amend(flag: FlagSummary): void {
    this.dialog
      .open<AmendmentDialog, AmendmentDialogData, boolean>(AmendmentDialog, {
        data: { flagId: flag.id },
        maxWidth: '34rem',
        width: 'calc(100% - 32px)',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.changed('flags.amend.saved'));
  }

  /** After a change: say so, and show the flag as it is now (the open text again, with the same purpose). */
  private changed(messageKey: string): void {
    void this.announcer.announce(String(this.translate.instant(messageKey)));
    this.flag.reload();
    if (this.openedWith) void this.openWith(this.openedWith);
  }
}
