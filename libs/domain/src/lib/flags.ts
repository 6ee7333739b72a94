/**
 * Discreet follow-up flags (signalen): an observation in service of support, never a verdict.
 * The contract shared by the API (`apps/api/src/flags`) and the web (`apps/web/src/app/flags`).
 *
 * Who sees what (enforced by the API, tested per route and role):
 * - the author: their own flags (list without text; text only after step-up, audited with a purpose);
 * - coordinators: every flag (inbox without text; text only after step-up, audited with a purpose);
 * - other group workers, admins, parents: nothing, not even that a flag exists (404 for workers, 403 for admins).
 */

export const FlagCategory = {
  Bonding: 'bonding',
  ParentWellbeing: 'parent_wellbeing',
  PracticalNeeds: 'practical_needs',
  ChildDevelopment: 'child_development',
  Safety: 'safety',
  Other: 'other',
} as const;
export type FlagCategory = (typeof FlagCategory)[keyof typeof FlagCategory];
export const FLAG_CATEGORIES: readonly FlagCategory[] = Object.values(FlagCategory);

export const FlagUrgency = { Note: 'note', Discuss: 'discuss', Urgent: 'urgent' } as const;
export type FlagUrgency = (typeof FlagUrgency)[keyof typeof FlagUrgency];
export const FLAG_URGENCIES: readonly FlagUrgency[] = Object.values(FlagUrgency);

/** Whether the worker talked about it with the parent; `no` needs a short reason. */
export const DiscussedWithParent = { Yes: 'yes', NotYet: 'not_yet', No: 'no' } as const;
export type DiscussedWithParent = (typeof DiscussedWithParent)[keyof typeof DiscussedWithParent];
export const DISCUSSED_WITH_PARENT: readonly DiscussedWithParent[] = Object.values(DiscussedWithParent);

/** `open → in_triage → watchful_waiting | referred | closed`; `closed` is final (an expired flag is closed with reason `expired`). */
export const FlagStatus = {
  Open: 'open',
  InTriage: 'in_triage',
  WatchfulWaiting: 'watchful_waiting',
  Referred: 'referred',
  Closed: 'closed',
} as const;
export type FlagStatus = (typeof FlagStatus)[keyof typeof FlagStatus];
export const FLAG_STATUSES: readonly FlagStatus[] = Object.values(FlagStatus);

/** Why a flag was closed. `expired` is set only by the expiry job, never by a person. */
export const FlagCloseReason = {
  SupportInPlace: 'support_in_place',
  ConcernResolved: 'concern_resolved',
  NoLongerInContact: 'no_longer_in_contact',
  HandedOver: 'handed_over',
  Other: 'other',
  Expired: 'expired',
} as const;
export type FlagCloseReason = (typeof FlagCloseReason)[keyof typeof FlagCloseReason];
/** The reasons a person may choose when closing. */
export const FLAG_CLOSE_REASONS: readonly FlagCloseReason[] = Object.values(FlagCloseReason).filter((r) => r !== FlagCloseReason.Expired);

/** Why someone opens a sensitive text; written as the audit read's purpose. `other` needs a word. */
export const ReadPurpose = {
  Triage: 'triage',
  FollowUp: 'follow_up',
  ReferralPreparation: 'referral_preparation',
  SubjectAccess: 'subject_access',
  /** The author rereading what they wrote. */
  OwnNote: 'own_note',
  Other: 'other',
} as const;
export type ReadPurpose = (typeof ReadPurpose)[keyof typeof ReadPurpose];
export const READ_PURPOSES: readonly ReadPurpose[] = Object.values(ReadPurpose);

/** Opening sensitive text needs a TOTP confirmed this recently (step-up). */
export const STEP_UP_MINUTES = 15;

/** Review-by defaults, in days from logging. */
export const FLAG_REVIEW_DAYS: Readonly<Record<FlagUrgency, number>> = { urgent: 2, discuss: 14, note: 42 };

/** A flag not re-confirmed within this many months of its last review is closed as `expired` and its text erased. */
export const FLAG_EXPIRY_MONTHS = 12;

/** Text limits (characters). */
export const FLAG_TEXT_MAX = 4000;
export const FLAG_REASON_MAX = 500;

/** The sealed text fields of a flag. */
export const FLAG_TEXT_FIELDS = ['fact', 'interpretation', 'strengths', 'parentWords'] as const;
export type FlagTextField = (typeof FLAG_TEXT_FIELDS)[number];

/** `POST /api/v1/flags` (group worker of one of the family's groups, or coordinator). */
export interface FlagDraft {
  familyId: string;
  sessionId?: string;
  category: FlagCategory;
  urgency: FlagUrgency;
  /** What I saw or heard. Required. */
  fact: string;
  /** What I think it may mean (kept apart from the fact). */
  interpretation?: string;
  /** What goes well. */
  strengths?: string;
  /** What the parent says they want, in their words. */
  parentWords?: string;
  discussedWithParent: DiscussedWithParent;
  /** Required when `discussedWithParent` is `no`. */
  notDiscussedReason?: string;
  /** `YYYY-MM-DD`; default from `FLAG_REVIEW_DAYS`. */
  reviewBy?: string;
}

export interface FlagCreated {
  id: string;
  status: FlagStatus;
  reviewBy: string;
}

/** A flag without any of its text: the inbox row, "Mijn signalen", a chronology entry's heading; one alone: `GET /api/v1/flags/:id` (its author or a coordinator). */
export interface FlagSummary {
  id: string;
  family: { id: string; displayName: string };
  category: FlagCategory;
  urgency: FlagUrgency;
  status: FlagStatus;
  author: { id: string; displayName: string };
  location: { id: string; name: string } | null;
  createdAt: string;
  reviewBy: string;
  /** Past its review date without a decision. */
  due: boolean;
  closeReason: FlagCloseReason | null;
  /** The text was erased by expiry or retention; only the facts for counting remain. */
  erased: boolean;
  /** The last decision about it (logging, a transition, a re-confirmation): the expiry clock counts from here. */
  lastReviewedAt: string;
}

export interface FlagListQuery {
  status?: FlagStatus;
  urgency?: FlagUrgency;
  category?: FlagCategory;
  locationId?: string;
  due?: boolean;
  /** One family's flags (coordinators; the chronology's list without text). */
  familyId?: string;
  /** `urgency`: urgent first, then the oldest; `created`: newest first; `review`: the earliest review date first. Default `urgency`. */
  sort?: 'urgency' | 'created' | 'review';
}

/** `POST /api/v1/flags/:id/open`: needs step-up; audited as a read with this purpose in the same transaction. */
export interface OpenFlagRequest {
  purpose: ReadPurpose;
  /** Required with `other`. */
  purposeNote?: string;
}

export interface FlagAmendment {
  id: string;
  field: FlagTextField | 'general';
  text: string;
  author: { id: string; displayName: string };
  at: string;
}

export interface FlagTransition {
  /** `status`: a change of status; `reconfirmed`: the concern still holds (status unchanged, the expiry clock restarts). */
  kind: 'status' | 'reconfirmed';
  from: FlagStatus | null;
  to: FlagStatus;
  rationale: string;
  actor: { id: string; displayName: string } | null;
  at: string;
  reviewBy: string | null;
  closeReason: FlagCloseReason | null;
}

/**
 * The opened flag: its text, amendments and transitions in order. For its author (not a coordinator): what they
 * wrote, so only their own amendments, and the transitions with an empty `rationale` (the coordinators' words).
 */
export interface FlagDetail extends FlagSummary {
  session: { id: string; startsAt: string; groupTitle: string } | null;
  fact: string | null;
  interpretation: string | null;
  strengths: string | null;
  parentWords: string | null;
  discussedWithParent: DiscussedWithParent;
  notDiscussedReason: string | null;
  amendments: FlagAmendment[];
  transitions: FlagTransition[];
}

/** `POST /api/v1/flags/:id/amendments` (author or coordinator): a correction or addition; nothing is edited in place. */
export interface FlagAmendmentDraft {
  field: FlagTextField | 'general';
  text: string;
}
/** The answer to an amendment (its text is not sent back). Transitions and re-confirmations answer the new `FlagSummary`. */
export interface FlagAmendmentCreated {
  id: string;
  at: string;
}

/** `POST /api/v1/flags/:id/transitions` (coordinator). */
export interface FlagTransitionRequest {
  to: FlagStatus;
  rationale: string;
  /** Required for `watchful_waiting`: `YYYY-MM-DD`. */
  reviewBy?: string;
  /** Required for `closed`. */
  closeReason?: FlagCloseReason;
}

/** `POST /api/v1/flags/:id/reconfirm` (coordinator): the concern still holds; the expiry clock restarts. */
export interface FlagReconfirmRequest {
  reason: string;
  reviewBy?: string;
}

/** `POST /api/v1/auth/step-up`: a fresh TOTP code; the session may open sensitive text for `STEP_UP_MINUTES`. */
export interface StepUpRequest {
  code: string;
}
export interface StepUpInfo {
  validUntil: string;
}
/** `GET /api/v1/auth/step-up`: whether this session may open sensitive text now, and whether it can step up at all. */
export interface StepUpStatus {
  /** Two-factor sign-in is set up (without it, step-up is impossible: set it up first). */
  enrolled: boolean;
  /** Until when sensitive text may be opened without a new code; null when a code is needed. */
  validUntil: string | null;
}
/**
 * A `step_up_required` answer for someone without two-factor sign-in carries a field error on
 * `code` with this reason: they must set up two-factor sign-in first.
 */
export const STEP_UP_NOT_ENROLLED = 'two_factor_not_enrolled';

/**
 * `POST /api/v1/families/:id/flag-chronology` (coordinator; step-up; body `OpenFlagRequest`): every flag of the
 * family with its text, and every logging, amendment and transition in order. Each flag opened is one audit read
 * with the purpose, in the same transaction. (The list without text: `GET /api/v1/flags?familyId=…`.)
 */
export interface FamilyFlagChronology {
  family: { id: string; displayName: string };
  flags: FlagDetail[];
  events: FlagChronologyEvent[];
}
export interface FlagChronologyEvent {
  at: string;
  flagId: string;
  kind: 'logged' | 'amended' | 'transition';
  actor: { id: string; displayName: string } | null;
  /** With `amended`. */
  amendment?: FlagAmendment;
  /** With `transition`. */
  transition?: FlagTransition;
}

const FLAG_TRANSITIONS: Readonly<Record<FlagStatus, readonly FlagStatus[]>> = {
  open: ['in_triage', 'watchful_waiting', 'referred', 'closed'],
  in_triage: ['watchful_waiting', 'referred', 'closed'],
  watchful_waiting: ['in_triage', 'referred', 'closed'],
  referred: ['in_triage', 'watchful_waiting', 'closed'],
  closed: [],
};

/** Where a flag may go next (`referred` is normally set by a referral; a declined referral returns it to `in_triage`). */
export function nextFlagStatuses(from: FlagStatus): readonly FlagStatus[] {
  return FLAG_TRANSITIONS[from];
}

export type FlagTransitionProblem =
  'not_allowed' | 'rationale_required' | 'review_date_required' | 'close_reason_required' | 'close_reason_reserved';

/** Why a transition is refused, or null when it may go ahead. */
export function flagTransitionProblem(from: FlagStatus, request: FlagTransitionRequest): FlagTransitionProblem | null {
  if (!FLAG_TRANSITIONS[from].includes(request.to)) return 'not_allowed';
  if (!request.rationale?.trim()) return 'rationale_required';
  if (request.to === FlagStatus.WatchfulWaiting && !request.reviewBy) return 'review_date_required';
  if (request.to === FlagStatus.Closed && !request.closeReason) return 'close_reason_required';
  if (request.closeReason === FlagCloseReason.Expired) return 'close_reason_reserved';
  return null;
}

/** The review-by date a flag gets by default: `FLAG_REVIEW_DAYS[urgency]` after `today` (both `YYYY-MM-DD`, calendar days). */
export function defaultReviewBy(urgency: FlagUrgency, today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + FLAG_REVIEW_DAYS[urgency])).toISOString().slice(0, 10);
}
