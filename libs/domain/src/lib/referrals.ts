import { FlagStatus } from './flags';
import { flagDay } from './flags-rules';
import type { Locale } from './locale';

/**
 * Referrals (doorverwijzingen): a family handed over to another service, made with the parent.
 *
 * ```
 * draft ──► discussing ──► consented ──► sent ──► accepted ──► follow_up ──► closed
 *   │            │  └────► declined ──► closed      (support goes on; the flags go back to follow-up)
 *   │            └───────► withdrawn ──► discussing | closed   (before or after sent: after, the service is told to stop)
 *   └──► exception_requested ──► exception_approved ──► sent …   (no consent, to prevent serious harm)
 *                        └────► exception_rejected ──► draft
 * ```
 *
 * `sent` is reachable only from `consented` or `exception_approved`. The same rule is checked by the
 * API (through these functions) and by the database (trigger in `migrations/…-referrals.ts`).
 */
export const ReferralStatus = {
  Draft: 'draft',
  Discussing: 'discussing',
  Consented: 'consented',
  Sent: 'sent',
  Accepted: 'accepted',
  FollowUp: 'follow_up',
  Closed: 'closed',
  Declined: 'declined',
  Withdrawn: 'withdrawn',
  ExceptionRequested: 'exception_requested',
  ExceptionApproved: 'exception_approved',
  ExceptionRejected: 'exception_rejected',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];
export const REFERRAL_STATUSES: readonly ReferralStatus[] = Object.values(ReferralStatus);

const S = ReferralStatus;

/** Where a referral may go next. `closed` is final. */
const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: [S.Discussing, S.ExceptionRequested, S.Withdrawn],
  // Back from consented: the parent wants to change what is shared; consent is asked again.
  discussing: [S.Consented, S.Declined, S.Withdrawn],
  consented: [S.Sent, S.Discussing, S.Withdrawn],
  // Follow-up may come before the service confirmed: the coordinator checks in at the follow-up date.
  sent: [S.Accepted, S.FollowUp, S.Withdrawn],
  accepted: [S.FollowUp, S.Withdrawn],
  follow_up: [S.Closed, S.Withdrawn],
  declined: [S.Closed],
  // Withdrawing pauses: talk again, or close with an outcome.
  withdrawn: [S.Discussing, S.Closed],
  exception_requested: [S.ExceptionApproved, S.ExceptionRejected, S.Withdrawn],
  exception_approved: [S.Sent, S.Withdrawn],
  exception_rejected: [S.Draft],
  closed: [],
};

/** The states a referral may go to from `from` (before any guard on the request). */
export function nextReferralStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_TRANSITIONS[from];
}

/** The only states `sent` can be reached from. */
export const SENDABLE_FROM: readonly ReferralStatus[] = [S.Consented, S.ExceptionApproved];

/** A referral that reached the service (or was sent): withdrawing it now means telling the service to stop. */
export const DELIVERED_STATUSES: readonly ReferralStatus[] = [S.Sent, S.Accepted, S.FollowUp];

/** What the parent agreed may be shared (the consent checklist, built from the referral). */
export const ConsentField = {
  Reason: 'reason',
  Strengths: 'strengths',
  ParentWords: 'parent_words',
  ContactDetails: 'contact_details',
  ChildrenAges: 'children_ages',
  SelectedFlags: 'selected_flags',
} as const;
export type ConsentField = (typeof ConsentField)[keyof typeof ConsentField];
export const CONSENT_FIELDS: readonly ConsentField[] = Object.values(ConsentField);

/** How consent was given. */
export const ConsentMethod = { InPerson: 'in_person', Phone: 'phone', ParentLink: 'parent_link' } as const;
export type ConsentMethod = (typeof ConsentMethod)[keyof typeof ConsentMethod];
export const CONSENT_METHODS: readonly ConsentMethod[] = Object.values(ConsentMethod);

/** Consent for a referral holds at most this long; after that it is asked again. */
export const CONSENT_MAX_MONTHS = 12;

/** Granular consent, recorded per referral. */
export interface ReferralConsent {
  /** The service the parent agreed to; must be the referral's service. */
  serviceId: string;
  fields: ConsentField[];
  method: ConsentMethod;
  /** The language the conversation (or the parent link) was in. */
  language: Locale;
  /** Which explainer the parent saw, with its version (`referral-general@1`). */
  explainer: string;
  /** ISO instant. */
  givenAt: string;
  /** `YYYY-MM-DD`: the last day it holds. */
  validUntil: string;
}

/** The legal grounds on which a referral may go without consent. A fixed list. */
export const LegalBasis = {
  /** Noodtoestand (state of necessity): a serious and imminent danger that cannot be averted otherwise. */
  StateOfNecessity: 'state_of_necessity',
  /** Meldrecht beroepsgeheim, art. 458bis Sw.: serious danger to a minor or a vulnerable person. */
  Art458bis: 'art_458bis',
  /** A court order. */
  CourtOrder: 'court_order',
} as const;
export type LegalBasis = (typeof LegalBasis)[keyof typeof LegalBasis];
export const LEGAL_BASES: readonly LegalBasis[] = Object.values(LegalBasis);

/** A written justification needs at least this many characters (more than "zie dossier"). */
export const EXCEPTION_JUSTIFICATION_MIN = 30;
export const REFERRAL_TEXT_MAX = 4000;
export const REFERRAL_RATIONALE_MAX = 1000;

/** Whether, and by when, the parent is told afterwards; not telling needs a reason (it would endanger the child). */
export type InformParentPlan = { inform: true; by: string } | { inform: false; reason: string };

/** The request to send without consent. */
export interface ExceptionRequest {
  legalBasis: LegalBasis;
  justification: string;
  informParent: InformParentPlan;
  /** What is shared: the least that prevents the harm. */
  fields: ConsentField[];
}

/** Outcomes a referral may be closed with; `other` and every outcome come with a note. */
export const ReferralOutcome = {
  SupportStarted: 'support_started',
  OnWaitingList: 'on_waiting_list',
  NotReached: 'not_reached',
  FamilyDeclinedThere: 'family_declined_there',
  Other: 'other',
} as const;
export type ReferralOutcome = (typeof ReferralOutcome)[keyof typeof ReferralOutcome];
export const REFERRAL_OUTCOMES: readonly ReferralOutcome[] = Object.values(ReferralOutcome);

/** Who takes a step: a coordinator, the parent through their link, or Kring itself (consent expiry). */
export type ReferralActor = { kind: 'coordinator'; id: string } | { kind: 'parent' } | { kind: 'system' };

/** What the referral is now, as far as the guards need to know. */
export interface ReferralFacts {
  status: ReferralStatus;
  serviceId: string;
  consent: ReferralConsent | null;
  /** The coordinator who requested the exception (set in `exception_requested` and after). */
  exceptionRequestedBy: string | null;
  /** Hash (hex) of the packet the parent (or, for an exception, the approving coordinator) approved. */
  approvedPacketHash: string | null;
}

/** One step asked for. Only the fields its target needs are read. */
export interface ReferralStep {
  to: ReferralStatus;
  actor: ReferralActor;
  /** ISO instant of the step (the injected clock). */
  at: string;
  /** Why (the timeline's rationale). Required for declined, withdrawn, exception decisions, discussing again. */
  rationale?: string;
  /** For `consented`. */
  consent?: ReferralConsent;
  /** For `exception_requested`. */
  exception?: ExceptionRequest;
  /** For `sent`: the hash (hex) of the packet about to go out, computed from `referralPacketHashInput`. */
  packetHash?: string;
  /** For `closed`. */
  outcome?: ReferralOutcome;
  outcomeNote?: string;
}

export type ReferralStepProblem =
  | 'not_allowed'
  | 'actor_not_allowed'
  | 'rationale_required'
  | 'consent_required'
  | 'consent_other_service'
  | 'consent_fields_required'
  | 'consent_field_unknown'
  | 'consent_method_unknown'
  | 'consent_language_required'
  | 'consent_explainer_required'
  | 'consent_valid_until_invalid'
  | 'consent_valid_too_long'
  | 'consent_expired'
  | 'legal_basis_required'
  | 'legal_basis_unknown'
  | 'justification_required'
  | 'inform_parent_required'
  | 'inform_by_invalid'
  | 'not_informing_reason_required'
  | 'exception_fields_required'
  | 'same_coordinator'
  | 'packet_not_approved'
  | 'packet_changed'
  | 'outcome_required'
  | 'outcome_unknown'
  | 'outcome_note_required';

const filled = (text: string | undefined | null): boolean => typeof text === 'string' && text.trim() !== '';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The Brussels calendar day of an ISO instant (consent and reminder dates are days where the centre works). */
const dayOf = (iso: string): string => flagDay(new Date(iso));

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** Steps that need a word of why. */
const RATIONALE_NEEDED: ReadonlySet<ReferralStatus> = new Set([
  S.Declined,
  S.Withdrawn,
  S.ExceptionApproved,
  S.ExceptionRejected,
  S.Draft,
  S.Discussing,
]);

/** The parent, through their link, can only withdraw a referral they consented to. */
const PARENT_MAY_WITHDRAW_FROM: ReadonlySet<ReferralStatus> = new Set([S.Discussing, S.Consented, S.Sent, S.Accepted, S.FollowUp]);

/** Why a recorded consent cannot carry a referral (at `at`), or null. */
export function consentProblem(consent: ReferralConsent | null | undefined, serviceId: string, at: string): ReferralStepProblem | null {
  if (!consent) return 'consent_required';
  if (consent.serviceId !== serviceId) return 'consent_other_service';
  if (!Array.isArray(consent.fields) || consent.fields.length === 0) return 'consent_fields_required';
  if (consent.fields.some((f) => !CONSENT_FIELDS.includes(f))) return 'consent_field_unknown';
  if (!CONSENT_METHODS.includes(consent.method)) return 'consent_method_unknown';
  if (!filled(consent.language)) return 'consent_language_required';
  if (!filled(consent.explainer)) return 'consent_explainer_required';
  if (!isDate(consent.validUntil) || consent.validUntil < dayOf(consent.givenAt)) return 'consent_valid_until_invalid';
  if (consent.validUntil > addMonths(dayOf(consent.givenAt), CONSENT_MAX_MONTHS)) return 'consent_valid_too_long';
  if (consent.validUntil < dayOf(at)) return 'consent_expired';
  return null;
}

/** Why an exception request is incomplete (at `at`), or null. */
export function exceptionProblem(exception: ExceptionRequest | undefined, at: string): ReferralStepProblem | null {
  if (!exception || !exception.legalBasis) return 'legal_basis_required';
  if (!LEGAL_BASES.includes(exception.legalBasis)) return 'legal_basis_unknown';
  if (!filled(exception.justification) || exception.justification.trim().length < EXCEPTION_JUSTIFICATION_MIN) {
    return 'justification_required';
  }
  const plan = exception.informParent;
  if (!plan || typeof plan.inform !== 'boolean') return 'inform_parent_required';
  if (plan.inform && (!isDate(plan.by) || plan.by < dayOf(at))) return 'inform_by_invalid';
  if (!plan.inform && !filled(plan.reason)) return 'not_informing_reason_required';
  if (!Array.isArray(exception.fields) || exception.fields.length === 0) return 'exception_fields_required';
  if (exception.fields.some((f) => !CONSENT_FIELDS.includes(f))) return 'consent_field_unknown';
  return null;
}

/**
 * Why this step is refused, or null when it may go ahead. Checked in this order: the state machine,
 * who may take the step, then what the target needs. The API calls it inside the transaction that
 * changes the referral, with the row locked; the database refuses the worst cases again.
 */
export function referralStepProblem(referral: ReferralFacts, step: ReferralStep): ReferralStepProblem | null {
  const from = referral.status;
  if (!REFERRAL_TRANSITIONS[from].includes(step.to)) return 'not_allowed';

  if (step.actor.kind === 'parent' && !(step.to === S.Withdrawn && PARENT_MAY_WITHDRAW_FROM.has(from))) return 'actor_not_allowed';
  // Kring itself only pauses a referral whose consent ran out before it was sent.
  if (step.actor.kind === 'system' && !(step.to === S.Withdrawn && from === S.Consented)) return 'actor_not_allowed';

  if (RATIONALE_NEEDED.has(step.to) && !filled(step.rationale)) return 'rationale_required';

  switch (step.to) {
    case S.Consented:
      return consentProblem(step.consent, referral.serviceId, step.at);
    case S.ExceptionRequested:
      return exceptionProblem(step.exception, step.at);
    case S.ExceptionApproved:
    case S.ExceptionRejected:
      // Four eyes: never the coordinator who asked.
      if (step.actor.kind === 'coordinator' && step.actor.id === referral.exceptionRequestedBy) return 'same_coordinator';
      return null;
    case S.Sent:
      if (from === S.Consented) {
        const consent = consentProblem(referral.consent, referral.serviceId, step.at);
        if (consent) return consent;
      }
      if (!referral.approvedPacketHash) return 'packet_not_approved';
      if (!step.packetHash || step.packetHash.toLowerCase() !== referral.approvedPacketHash.toLowerCase()) return 'packet_changed';
      return null;
    case S.Closed:
      if (!step.outcome) return 'outcome_required';
      if (!REFERRAL_OUTCOMES.includes(step.outcome)) return 'outcome_unknown';
      if (!filled(step.outcomeNote)) return 'outcome_note_required';
      return null;
    default:
      return null;
  }
}

/** What else happens when a step is taken (the API carries it out in the same transaction). */
export interface ReferralStepEffects {
  /** The referral's flags become `referred` (first time the referral leaves draft towards a service). */
  flagsTo: FlagStatus | null;
  /** The service already has the packet: tell it (content-free) to stop using it and revoke its link. */
  tellServiceToStop: boolean;
  /** A content-free alert to the coordinator ("a referral needs your attention"). */
  alertCoordinator: boolean;
  /** The approved packet no longer holds (a new approval is needed before sending). */
  dropPacketApproval: boolean;
  /** `YYYY-MM-DD`: a content-free reminder to inform the parent (approved exception with `inform: true`). */
  remindToInformParentOn: string | null;
}

/**
 * The effects of a step that `referralStepProblem` allowed. `exception` is the referral's exception
 * request (for the reminder to inform the parent).
 */
export function referralStepEffects(
  from: ReferralStatus,
  to: ReferralStatus,
  actor: ReferralActor,
  exception: ExceptionRequest | null = null,
): ReferralStepEffects {
  const effects: ReferralStepEffects = {
    flagsTo: null,
    tellServiceToStop: false,
    alertCoordinator: false,
    dropPacketApproval: false,
    remindToInformParentOn: null,
  };
  if ((to === S.Discussing || to === S.ExceptionRequested) && from === S.Draft) effects.flagsTo = FlagStatus.Referred;
  // Declined, or closed without being sent: support goes on, the flags go back to the coordinator's follow-up.
  if (to === S.Declined || (to === S.Closed && from === S.Withdrawn)) effects.flagsTo = FlagStatus.InTriage;
  if (to === S.Withdrawn) {
    effects.tellServiceToStop = DELIVERED_STATUSES.includes(from);
    effects.alertCoordinator = actor.kind !== 'coordinator';
    effects.dropPacketApproval = true;
  }
  if (to === S.Discussing || to === S.Draft) effects.dropPacketApproval = true;
  if (to === S.ExceptionApproved && exception?.informParent.inform) effects.remindToInformParentOn = exception.informParent.by;
  return effects;
}

/** The fields that may go to the service: the parent's consent, or for an exception what was asked and approved. */
export function sharedFields(referral: { consent: ReferralConsent | null; exception: ExceptionRequest | null }): ConsentField[] {
  const fields = referral.consent?.fields ?? referral.exception?.fields ?? [];
  return CONSENT_FIELDS.filter((f) => fields.includes(f));
}
