import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import type { ElementRef } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { CanDeactivateFn } from '@angular/router';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { DiscussedWithParent, FlagCategory, FlagCreated, FlagDraft, FlagUrgency } from '@kring/domain';
import {
  DISCUSSED_WITH_PARENT,
  FLAG_CATEGORIES,
  FLAG_REASON_MAX,
  FLAG_TEXT_MAX,
  FLAG_URGENCIES,
  defaultReviewBy,
  flagDay,
  reviewDateProblem,
} from '@kring/domain';
import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { apiErrorCode, apiFieldErrors } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';
import { LanguageService } from '../../core/i18n/language.service';
import { confirmAction } from '../../shared/confirm-dialog/confirm-dialog';
import { ProblemNotice } from '../../shared/problem-notice/problem-notice';
import { PrivacyButton } from '../../shared/privacy-screen/privacy-button';
import { ROOM_PATHS } from '../../room/room-paths';
import { browserOnline } from '../data/connection';
import { FlagsApi } from '../data/flags.api';
import { reviewDateKey } from '../data/review-date';
import { labellingWords } from '../data/writing-hint';
import { FlagDayPipe } from '../flag-day.pipe';
import { FLAG_PATHS } from '../flag-paths';
import { readLogFlagState } from './log-flag-link';

/** The steps, one thing each, in the order a worker thinks it through. */
export const LOG_STEPS = ['category', 'fact', 'interpretation', 'strengths', 'parentWords', 'discussed', 'urgency', 'check'] as const;
export type LogStep = (typeof LOG_STEPS)[number];

/** Which step asks for each field the API may refuse. */
const FIELD_STEP: Readonly<Record<string, LogStep>> = {
  category: 'category',
  fact: 'fact',
  interpretation: 'interpretation',
  strengths: 'strengths',
  parentWords: 'parentWords',
  discussedWithParent: 'discussed',
  notDiscussedReason: 'discussed',
  urgency: 'urgency',
  reviewBy: 'urgency',
};

/**
 * "Signaal noteren": a group worker notes, deliberately and one thing per screen, what they saw or
 * heard about a family, apart from what they think it may mean, with what goes well and what the
 * parent wants. The text lives only in this page's memory and goes to the API online, in one
 * request: nothing of it is kept on the phone (no storage, no offline queue, no address, no
 * navigation state). Without a connection the page says so and keeps the text on screen only.
 */
@Component({
  selector: 'kr-log-flag-page',
  imports: [
    FlagDayPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    PrivacyButton,
    ProblemNotice,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './log-flag-page.html',
  styleUrl: './log-flag-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogFlagPage {
  private readonly api = inject(FlagsApi);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly translate = inject(TranslateService);
  private readonly dialog = inject(MatDialog);

  /** From the address (`/vandaag/gezin/:familyId/signaal`). */
  readonly familyId = input.required<string>();

  protected readonly locale = inject(LanguageService).locale;
  protected readonly steps = LOG_STEPS;
  protected readonly categories = FLAG_CATEGORIES;
  protected readonly urgencies = FLAG_URGENCIES;
  protected readonly discussedChoices = DISCUSSED_WITH_PARENT;
  protected readonly textMax = FLAG_TEXT_MAX;
  protected readonly reasonMax = FLAG_REASON_MAX;
  protected readonly myFlagsPath = FLAG_PATHS.mine;
  protected readonly online = browserOnline();

  protected readonly familyName: string | null;
  protected readonly back: string;
  private readonly sessionId: string | undefined;
  private readonly today = flagDay(new Date());
  protected readonly minReviewBy = this.today;

  protected readonly form = inject(NonNullableFormBuilder).group({
    category: ['' as FlagCategory | ''],
    fact: [''],
    interpretation: [''],
    strengths: [''],
    parentWords: [''],
    discussedWithParent: ['' as DiscussedWithParent | ''],
    notDiscussedReason: [''],
    urgency: ['' as FlagUrgency | ''],
    reviewBy: [''],
  });
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly step = signal<LogStep>('category');
  protected readonly stepNumber = computed(() => LOG_STEPS.indexOf(this.step()) + 1);
  /** The translation key of what is missing or wrong on this step (shown next to the field). */
  protected readonly stepError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ErrorMessage | null>(null);
  /** Saving failed for want of a connection: said plainly, nothing kept. */
  protected readonly unsent = signal(false);
  protected readonly notFound = signal(false);
  protected readonly saved = signal<FlagCreated | null>(null);
  /** Whether the review date was chosen by hand (then a new urgency leaves it alone). */
  private reviewByChosen = false;

  /** Labelling words in what is being written now (the fact, interpretation and strengths steps): a calm hint, never a block. */
  protected readonly hintWords = computed(() => {
    const step = this.step();
    const values = this.values();
    const text =
      step === 'fact' ? values.fact : step === 'interpretation' ? values.interpretation : step === 'strengths' ? values.strengths : '';
    return text ? labellingWords(text, this.locale()) : [];
  });

  private readonly heading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  constructor() {
    const router = inject(Router);
    const given = readLogFlagState(router.currentNavigation()?.extras.state ?? inject(Location).getState());
    this.familyName = given.familyName ?? null;
    this.back = given.back ?? ROOM_PATHS.today;
    this.sessionId = given.sessionId;
  }

  /** Leaving with text not yet saved asks first: it is kept nowhere, so it would be gone. */
  canLeave(): Observable<boolean> | boolean {
    const v = this.form.getRawValue();
    const written = [v.fact, v.interpretation, v.strengths, v.parentWords, v.notDiscussedReason].some((text) => text.trim() !== '');
    if (this.saved() || !written) return true;
    return confirmAction(this.dialog, {
      titleKey: 'flags.log.leave.title',
      textKey: 'flags.log.leave.text',
      confirmKey: 'flags.log.leave.confirm',
      tone: 'danger',
    });
  }

  protected chooseUrgency(urgency: FlagUrgency): void {
    if (!this.reviewByChosen) this.form.controls.reviewBy.setValue(defaultReviewBy(urgency, this.today));
  }

  protected reviewByEdited(): void {
    this.reviewByChosen = true;
  }

  protected next(): void {
    const error = this.checkStep(this.step());
    this.stepError.set(error);
    if (error) return;
    if (this.step() === 'check') {
      void this.save();
      return;
    }
    this.goTo(LOG_STEPS[LOG_STEPS.indexOf(this.step()) + 1]);
  }

  protected previous(): void {
    const index = LOG_STEPS.indexOf(this.step());
    if (index > 0) this.goTo(LOG_STEPS[index - 1]);
  }

  /** From the check step: back to one step to change it. */
  protected goTo(step: LogStep): void {
    this.stepError.set(null);
    this.problem.set(null);
    this.step.set(step);
    // The new question gets the focus, so a screen reader reads it and the keyboard starts there.
    setTimeout(() => this.heading()?.nativeElement.focus());
  }

  private checkStep(step: LogStep): string | null {
    const v = this.form.getRawValue();
    switch (step) {
      case 'category':
        return v.category ? null : 'flags.log.errors.category';
      case 'fact':
        if (!v.fact.trim()) return 'flags.log.errors.fact';
        return v.fact.length > FLAG_TEXT_MAX ? 'flags.log.errors.tooLong' : null;
      case 'interpretation':
      case 'strengths':
      case 'parentWords':
        return v[step].length > FLAG_TEXT_MAX ? 'flags.log.errors.tooLong' : null;
      case 'discussed':
        if (!v.discussedWithParent) return 'flags.log.errors.discussed';
        if (v.discussedWithParent === 'no' && !v.notDiscussedReason.trim()) return 'flags.log.errors.notDiscussedReason';
        return v.notDiscussedReason.length > FLAG_REASON_MAX ? 'flags.log.errors.reasonTooLong' : null;
      case 'urgency':
        if (!v.urgency) return 'flags.log.errors.urgency';
        if (!v.reviewBy) return 'flags.log.errors.reviewBy';
        return reviewDateKey(reviewDateProblem('reviewBy', v.reviewBy, this.today)?.reason);
      case 'check':
        return null;
    }
  }

  private draft(): FlagDraft {
    const v = this.form.getRawValue();
    const optional = (text: string) => (text.trim() ? text.trim() : undefined);
    return {
      familyId: this.familyId(),
      sessionId: this.sessionId,
      category: v.category as FlagCategory,
      urgency: v.urgency as FlagUrgency,
      fact: v.fact.trim(),
      interpretation: optional(v.interpretation),
      strengths: optional(v.strengths),
      parentWords: optional(v.parentWords),
      discussedWithParent: v.discussedWithParent as DiscussedWithParent,
      notDiscussedReason: v.discussedWithParent === 'no' ? v.notDiscussedReason.trim() : undefined,
      reviewBy: v.reviewBy,
    };
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    if (!this.online()) {
      this.unsent.set(true);
      return;
    }
    this.busy.set(true);
    try {
      const created = await firstValueFrom(this.api.create(this.draft()));
      // The text leaves this page's memory too: only the confirmation stays.
      this.form.reset();
      this.unsent.set(false);
      this.saved.set(created);
      void this.announcer.announce(String(this.translate.instant('flags.log.done.title')));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 0) this.unsent.set(true);
      else if (apiErrorCode(error) === 'not_found') this.notFound.set(true);
      else {
        this.unsent.set(false);
        const field = apiFieldErrors(error)
          .map((f) => FIELD_STEP[f.field])
          .find((s) => s !== undefined);
        if (field) {
          this.goTo(field);
          this.stepError.set('flags.log.errors.checkAgain');
        } else this.problem.set(errorMessage(error, this.locale()));
      }
    } finally {
      this.busy.set(false);
    }
  }
}

/** The route's guard: see `LogFlagPage.canLeave`. */
export const leaveLogFlagPage: CanDeactivateFn<LogFlagPage> = (page) => page.canLeave();
