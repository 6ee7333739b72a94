import { ErrorCode, FieldErrorCode, type ReferralStepProblem } from '@kring/domain';
import { DomainError } from '../common/domain-error';

/** Where each refused step points, and what it says. Never the text that was sent. */
const PROBLEMS: Record<ReferralStepProblem, { field: string; message: string; code?: ErrorCode }> = {
  not_allowed: { field: 'to', message: 'A referral cannot take that step from where it is now.', code: ErrorCode.Conflict },
  actor_not_allowed: { field: 'to', message: 'You cannot take this step.', code: ErrorCode.Forbidden },
  rationale_required: { field: 'rationale', message: 'Say in a few words why.' },
  consent_required: { field: 'consent', message: 'This needs the parent’s consent first.', code: ErrorCode.Conflict },
  consent_other_service: { field: 'serviceId', message: 'The consent is for another service.' },
  consent_fields_required: { field: 'fields', message: 'Tick at least one thing the parent agreed to share.' },
  consent_field_unknown: { field: 'fields', message: 'One of the ticked things is not on the checklist.' },
  consent_method_unknown: { field: 'method', message: 'Say how consent was given: in person, by phone or through the parent link.' },
  consent_language_required: { field: 'language', message: 'Say in which language consent was given.' },
  consent_explainer_required: { field: 'explainer', message: 'Say which explainer the parent saw.' },
  consent_valid_until_invalid: { field: 'validUntil', message: 'The consent holds until a date from today on (YYYY-MM-DD).' },
  consent_valid_too_long: { field: 'validUntil', message: 'A consent holds at most twelve months.' },
  consent_expired: { field: 'validUntil', message: 'The consent has run out: ask the parent again.', code: ErrorCode.Conflict },
  legal_basis_required: { field: 'legalBasis', message: 'Choose the legal basis.' },
  legal_basis_unknown: { field: 'legalBasis', message: 'Choose a legal basis from the list.' },
  justification_required: { field: 'justification', message: 'Write the justification out (at least a few sentences).' },
  inform_parent_required: { field: 'informParent', message: 'Say whether, and by when, the parent will be told.' },
  inform_by_invalid: { field: 'informParent.by', message: 'The parent is told by a date from today on (YYYY-MM-DD).' },
  not_informing_reason_required: { field: 'informParent.reason', message: 'Say why the parent will not be told.' },
  exception_fields_required: { field: 'fields', message: 'Tick the least that must be shared.' },
  same_coordinator: {
    field: 'approve',
    message: 'A second coordinator decides on an exception, not the one who asked.',
    code: ErrorCode.Forbidden,
  },
  packet_not_approved: { field: 'hash', message: 'The parent has not approved this packet yet.', code: ErrorCode.Conflict },
  packet_changed: {
    field: 'hash',
    message: 'The packet changed since it was approved: it needs a new approval.',
    code: ErrorCode.Conflict,
  },
  outcome_required: { field: 'outcome', message: 'Choose an outcome.' },
  outcome_unknown: { field: 'outcome', message: 'Choose an outcome from the list.' },
  outcome_note_required: { field: 'note', message: 'Write a short note with the outcome.' },
};

export function referralProblemError(problem: ReferralStepProblem): DomainError {
  const { field, message, code } = PROBLEMS[problem];
  const fieldCode = code ? FieldErrorCode.Invalid : FieldErrorCode.Required;
  return new DomainError(code ?? ErrorCode.ValidationFailed, message, [{ field, code: fieldCode, message, reason: problem }]);
}

/** Where a sealed text of a referral lives, bound into its seal (FlagBox: referral text is sealed like flag text). */
export const referralSealedAt = {
  referral: (id: string, column: string): string => `referral:${id}:${column}`,
  transition: (id: string): string => `referral_transition:${id}:rationale_enc`,
  exception: (id: string, column: string): string => `referral_exception:${id}:${column}`,
  handover: (referralId: string, column: string): string => `referral_handover:${referralId}:${column}`,
  contact: (referralId: string, column: string): string => `referral_contact_profile:${referralId}:${column}`,
};
