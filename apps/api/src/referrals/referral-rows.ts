import type {
  ConsentField,
  ConsentMethod,
  LegalBasis,
  ReferralOutcome,
  ReferralStatus,
  ServiceIntakeChannel,
  ServiceKind,
} from '@kring/domain';

/** A referral's row with its sealed text and the names the views need. */
export interface ReferralRow {
  id: string;
  family_id: string;
  family_name: string;
  coordinator_id: string;
  coordinator_name: string;
  service_id: string;
  service_name: string;
  service_kind: ServiceKind;
  status: ReferralStatus;
  reason_enc: string | null;
  family_hopes_enc: string | null;
  follow_up_on: string | null;
  consent_id: string | null;
  exception_id: string | null;
  approved_packet_hash: string | null;
  approved_at: Date | null;
  approved_by: 'parent' | 'coordinator' | null;
  sent_packet_hash: string | null;
  sent_packet_enc: string | null;
  sent_at: Date | null;
  sent_channel: ServiceIntakeChannel | null;
  outcome: ReferralOutcome | null;
  outcome_note_enc: string | null;
  flag_ids: string[];
  created_at: Date;
  updated_at: Date;
}

export interface ConsentRow {
  id: string;
  service_id: string;
  fields: ConsentField[];
  method: ConsentMethod;
  language: string;
  explainer: string;
  given_at: Date;
  valid_until: string;
  recorded_by: string;
  recorded_by_name: string;
  withdrawn_at: Date | null;
}

export interface ExceptionRow {
  id: string;
  legal_basis: LegalBasis;
  justification_enc: string | null;
  inform_parent: boolean;
  inform_by: string | null;
  not_informing_reason_enc: string | null;
  fields: ConsentField[];
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  approved: boolean | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_reason_enc: string | null;
  parent_informed_at: Date | null;
}

export interface TimelineRow {
  id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  actor_kind: 'coordinator' | 'parent' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  rationale_enc: string | null;
  at: Date;
}
