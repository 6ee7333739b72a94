import {
  DiscussedWithParent,
  FLAG_EXPIRY_MONTHS,
  FLAG_REASON_MAX,
  FlagStatus,
  ReadPurpose,
  STEP_UP_MINUTES,
  type FlagDraft,
  type FlagReconfirmRequest,
  type OpenFlagRequest,
} from './flags';

/** Dates of flags (review-by, expiry) are calendar days in Brussels, where the centre works. */
export const FLAG_ZONE = 'Europe/Brussels';

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: FLAG_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Brussels calendar day of `at`, `YYYY-MM-DD`. */
export function flagDay(at: Date): string {
  return DAY_FORMAT.format(at);
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A field of a request refused by a rule (the DTO checks shapes; these are the rules between fields and dates). */
export interface FlagFieldProblem {
  field: string;
  reason:
    | 'required'
    | 'not_discussed_reason_required'
    | 'not_a_date'
    | 'review_date_past'
    | 'review_date_too_far'
    | 'purpose_note_required'
    | 'own_note_not_author'
    | 'too_long';
}

/** A review date must be a real day, not before today and at most `FLAG_EXPIRY_MONTHS` ahead (else the flag would expire first). */
export function reviewDateProblem(field: string, reviewBy: string | undefined, today: string): FlagFieldProblem | null {
  if (reviewBy === undefined) return null;
  if (!isDay(reviewBy)) return { field, reason: 'not_a_date' };
  if (reviewBy < today) return { field, reason: 'review_date_past' };
  if (reviewBy > addMonths(today, FLAG_EXPIRY_MONTHS)) return { field, reason: 'review_date_too_far' };
  return null;
}

/** What is wrong with a new flag beyond its shape: the fact must say something, `no` needs a reason, the review date must fit. */
export function flagDraftProblems(draft: FlagDraft, today: string): FlagFieldProblem[] {
  const problems: FlagFieldProblem[] = [];
  if (!draft.fact?.trim()) problems.push({ field: 'fact', reason: 'required' });
  if (draft.discussedWithParent === DiscussedWithParent.No && !draft.notDiscussedReason?.trim()) {
    problems.push({ field: 'notDiscussedReason', reason: 'not_discussed_reason_required' });
  }
  const review = reviewDateProblem('reviewBy', draft.reviewBy, today);
  if (review) problems.push(review);
  return problems;
}

/** Why a purpose cannot be used to open a text: `other` needs a word; `own_note` is for the author alone. */
export function readPurposeProblem(request: OpenFlagRequest, isAuthor: boolean): FlagFieldProblem | null {
  if (request.purpose === ReadPurpose.Other && !request.purposeNote?.trim())
    return { field: 'purposeNote', reason: 'purpose_note_required' };
  if (request.purpose === ReadPurpose.OwnNote && !isAuthor) return { field: 'purpose', reason: 'own_note_not_author' };
  if ((request.purposeNote?.length ?? 0) > FLAG_REASON_MAX) return { field: 'purposeNote', reason: 'too_long' };
  return null;
}

/** The purpose as the audit trail writes it: `other: <the word given>` for other. */
export function auditPurpose(request: OpenFlagRequest): string {
  return request.purpose === ReadPurpose.Other ? `other: ${request.purposeNote?.trim() ?? ''}` : request.purpose;
}

/** A flag waits for a decision past its review date: still open, in triage or watchful waiting (a referral carries it otherwise). */
export function isFlagDue(status: FlagStatus, reviewBy: string, today: string): boolean {
  const waiting = status === FlagStatus.Open || status === FlagStatus.InTriage || status === FlagStatus.WatchfulWaiting;
  return waiting && reviewBy < today;
}

/** The day a flag expires when nobody re-confirms it: `FLAG_EXPIRY_MONTHS` after its last review (`YYYY-MM-DD`). */
export function flagExpiresOn(lastReviewedDay: string): string {
  return addMonths(lastReviewedDay, FLAG_EXPIRY_MONTHS);
}

/** A flag that is not closed and was not reviewed or re-confirmed in the last `FLAG_EXPIRY_MONTHS` expires: closed, its text erased. */
export function isFlagExpired(status: FlagStatus, lastReviewedAt: Date, now: Date): boolean {
  return status !== FlagStatus.Closed && flagDay(now) >= flagExpiresOn(flagDay(lastReviewedAt));
}

export type FlagReconfirmProblem = 'closed' | FlagFieldProblem;

/** Re-confirming needs a reason and a flag that is still going; a new review date must fit. */
export function reconfirmProblem(status: FlagStatus, request: FlagReconfirmRequest, today: string): FlagReconfirmProblem | null {
  if (status === FlagStatus.Closed) return 'closed';
  if (!request.reason?.trim()) return { field: 'reason', reason: 'required' };
  return reviewDateProblem('reviewBy', request.reviewBy, today);
}

/** Until when a step-up (a TOTP code confirmed at `stepUpAt`) lets its session open sensitive text. */
export function stepUpValidUntil(stepUpAt: Date): Date {
  return new Date(stepUpAt.getTime() + STEP_UP_MINUTES * 60_000);
}

/** Whether a step-up confirmed at `stepUpAt` still holds at `now`. */
export function isSteppedUp(stepUpAt: Date | null, now: Date): boolean {
  return stepUpAt !== null && stepUpAt.getTime() <= now.getTime() && now.getTime() < stepUpValidUntil(stepUpAt).getTime();
}
