import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslatePipe } from '@ngx-translate/core';
import type { FlagCloseReason, FlagStatus, FlagTransitionProblem, FlagTransitionRequest } from '@kring/domain';
import {
  FLAG_CLOSE_REASONS,
  FLAG_REASON_MAX,
  FlagStatus as Status,
  defaultReviewBy,
  flagDay,
  flagTransitionProblem,
  nextFlagStatuses,
  reviewDateProblem,
} from '@kring/domain';
import { firstValueFrom } from 'rxjs';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { FlagsApi } from '../data/flags.api';
import { reviewDateKey } from '../data/review-date';

export interface TransitionDialogData {
  flagId: string;
  from: FlagStatus;
}

/** Where each refusal is said. */
const PROBLEM_KEY: Readonly<Record<FlagTransitionProblem, string>> = {
  not_allowed: 'flags.transition.errors.to',
  rationale_required: 'flags.transition.errors.rationale',
  review_date_required: 'flags.transition.errors.reviewBy',
  close_reason_required: 'flags.transition.errors.closeReason',
  close_reason_reserved: 'flags.transition.errors.closeReason',
};

/**
 * A coordinator moves a flag on (in triage, watchful waiting with a review date, referred,
 * closed with a reason), always with a short rationale that stays in its history. Closes with
 * true once saved.
 */
@Component({
  selector: 'kr-transition-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    ProblemNotice,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './transition-dialog.html',
  styles:
    '.choices { display: flex; flex-direction: column; gap: 4px; margin-block-end: 12px; } .question { font: var(--mat-sys-title-small); }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionDialog {
  private readonly api = inject(FlagsApi);
  private readonly data = inject<TransitionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TransitionDialog, boolean>>(MatDialogRef);
  private readonly locale = inject(LanguageService).locale;

  protected readonly targets = nextFlagStatuses(this.data.from);
  protected readonly closeReasons = FLAG_CLOSE_REASONS;
  protected readonly reasonMax = FLAG_REASON_MAX;
  protected readonly today = flagDay(new Date());
  protected readonly form = inject(NonNullableFormBuilder).group({
    to: ['' as FlagStatus | ''],
    rationale: [''],
    reviewBy: [defaultReviewBy('discuss', flagDay(new Date()))],
    closeReason: ['' as FlagCloseReason | ''],
  });
  protected readonly to = toSignal(this.form.controls.to.valueChanges, { initialValue: '' as FlagStatus | '' });
  protected readonly needsReviewDate = computed(() => this.to() === Status.WatchfulWaiting);
  protected readonly needsCloseReason = computed(() => this.to() === Status.Closed);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);

  private request(): FlagTransitionRequest {
    const v = this.form.getRawValue();
    return {
      to: v.to as FlagStatus,
      rationale: v.rationale.trim(),
      reviewBy: v.to === Status.WatchfulWaiting ? v.reviewBy : undefined,
      closeReason: v.to === Status.Closed && v.closeReason ? v.closeReason : undefined,
    };
  }

  protected async submit(): Promise<void> {
    const request = this.request();
    const problem = request.to ? flagTransitionProblem(this.data.from, request) : 'not_allowed';
    if (problem) {
      this.error.set(PROBLEM_KEY[problem]);
      return;
    }
    const dateKey = reviewDateKey(reviewDateProblem('reviewBy', request.reviewBy, this.today)?.reason);
    if (dateKey) {
      this.error.set(dateKey);
      return;
    }
    this.error.set(null);
    this.busy.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(this.api.transition(this.data.flagId, request));
      this.dialogRef.close(true);
    } catch (error) {
      this.problem.set(errorMessage(error, this.locale()));
    } finally {
      this.busy.set(false);
    }
  }
}
