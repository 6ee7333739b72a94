import type { ReadPurpose } from './flags';
import type { Locale } from './locale';
import type { ReferralPacket } from './referrals-packet';
import type {
  ConsentField,
  ConsentMethod,
  ExceptionRequest,
  InformParentPlan,
  LegalBasis,
  ReferralOutcome,
  ReferralStatus,
} from './referrals';
import type { ServiceIntakeChannel, ServiceKind } from './service-directory';

/**
 * The referral API's contract (`/api/v1/referrals`, coordinators only; the parent's side at
 * `/api/v1/public/referral-link` and the service's at `POST /api/v1/public/referral-packet/open`, each with
 * its link's token in the `X-Link-Token` header, never in the path). Reason and packet are sealed at rest; lists never carry them;
 * opening them needs step-up and is an audited read with a purpose (as for flags).
 * Group workers see only that a flag they wrote was referred, never the referral.
 */

/** `POST /api/v1/referrals`: from one or more flags of one family, or from the family page (no flags). */
export interface CreateReferralRequest {
  familyId: string;
  flagIds?: string[];
  serviceId: string;
  /** Sealed like flag text. */
  reason: string;
  /** What the family hopes for, in their words. */
  familyHopes?: string;
  /** `YYYY-MM-DD`. */
  followUpOn?: string;
}

export interface ReferralCreated {
  id: string;
  status: ReferralStatus;
}

/** A referral without any of its text: the board's row. */
export interface ReferralSummary {
  id: string;
  status: ReferralStatus;
  family: { id: string; displayName: string };
  service: { id: string; name: string; kind: ServiceKind };
  coordinator: { id: string; displayName: string };
  flagIds: string[];
  followUpOn: string | null;
  /** True when the consent or an exception lets it go without asking again. */
  sendable: boolean;
  /** Made (or asked) without consent: it shows on the coordinators' review list. */
  viaException: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ReferralListQuery {
  status?: ReferralStatus;
  /** Only those with an exception (the coordinators' review list). */
  exception?: boolean;
  due?: boolean;
}

/** One step of the timeline: who, when, from → to, why. */
export interface ReferralTimelineEntry {
  from: ReferralStatus | null;
  to: ReferralStatus;
  actor: { kind: 'coordinator'; id: string; displayName: string } | { kind: 'parent' } | { kind: 'system' };
  at: string;
  rationale: string | null;
}

export interface ReferralConsentView {
  fields: ConsentField[];
  method: ConsentMethod;
  language: Locale;
  explainer: string;
  givenAt: string;
  validUntil: string;
  recordedBy: { id: string; displayName: string };
}

export interface ReferralExceptionView {
  legalBasis: LegalBasis;
  justification: string;
  informParent: InformParentPlan;
  fields: ConsentField[];
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
  decision: { approved: boolean; by: { id: string; displayName: string }; at: string; reason: string } | null;
  /** Whether the parent was told, and when, or why not. */
  parentInformedAt: string | null;
}

export interface WarmHandoverView {
  on: string;
  place: string;
  goingAlong: string;
}

/** The opened referral (after step-up, audited with a purpose). */
export interface ReferralDetail extends ReferralSummary {
  reason: string;
  familyHopes: string | null;
  consent: ReferralConsentView | null;
  exception: ReferralExceptionView | null;
  packetApproval: { approvedAt: string; by: 'parent' | 'coordinator'; hash: string } | null;
  delivery: { channel: ServiceIntakeChannel; sentAt: string; opens: string[] } | null;
  warmHandover: WarmHandoverView | null;
  outcome: { outcome: ReferralOutcome; note: string } | null;
  timeline: ReferralTimelineEntry[];
}

/** `POST /api/v1/referrals/:id/open`: needs step-up; the read is audited with this purpose. */
export interface OpenReferralRequest {
  purpose: ReadPurpose;
  purposeNote?: string;
}

/** `POST /api/v1/referrals/:id/transitions`: the plain steps (discussing, declined, withdrawn, accepted, follow_up, draft). */
export interface ReferralTransitionRequest {
  to: ReferralStatus;
  rationale?: string;
}

/** `POST /api/v1/referrals/:id/consent`: records granular consent; the referral becomes `consented`. */
export interface RecordConsentRequest {
  fields: ConsentField[];
  method: ConsentMethod;
  language: Locale;
  explainer: string;
  /** `YYYY-MM-DD`. */
  validUntil: string;
}

/** `POST /api/v1/referrals/:id/exception`: ask to send without consent. */
export type RequestExceptionRequest = ExceptionRequest;

/** `POST /api/v1/referrals/:id/exception/decision`: by a different coordinator (403 for the requester). */
export interface ExceptionDecisionRequest {
  approve: boolean;
  reason: string;
}

/** `POST /api/v1/referrals/:id/packet/open` with an `OpenReferralRequest` (step-up, audited read) and the parent's preview. */
export interface ReferralPacketPreview {
  packet: ReferralPacket;
  /** SHA-256 (hex) of `referralPacketHashInput(packet)`. */
  hash: string;
  approved: boolean;
}

/** `POST /api/v1/referrals/:id/packet/approval` (coordinator with the parent on screen) or `POST /api/v1/public/referral-link/approval`. */
export interface ApprovePacketRequest {
  /** The hash of the preview that was shown: approval of anything else is refused. */
  hash: string;
}

/** `POST /api/v1/referrals/:id/parent-link`: a single-purpose expiring link sent to the parent in their language. */
export interface ParentLinkRequest {
  channel: 'sms' | 'email';
  language: Locale;
}

/** `POST /api/v1/referrals/:id/send`: the packet goes out by the service's channel. */
export interface SendReferralRequest {
  channel: ServiceIntakeChannel;
  /** The hash of the packet the coordinator is looking at; must equal the approved one. */
  hash: string;
}

export interface ReferralSent {
  status: ReferralStatus;
  /** With `secure_link`: the expiring link to pass to the service (never with content in an e-mail). */
  serviceLink: { url: string; expiresAt: string } | null;
}

/** `PUT /api/v1/referrals/:id/warm-handover`. */
export type WarmHandoverRequest = WarmHandoverView;

/** `POST /api/v1/referrals/:id/close`: only with an outcome and a note. */
export interface CloseReferralRequest {
  outcome: ReferralOutcome;
  note: string;
}

/** The parent's contact profile: it governs every message Kring sends them about this referral. */
export interface ParentContactProfile {
  channel: 'sms' | 'email' | 'phone_call' | 'none';
  language: Locale;
  /** Free words about times ("na 17 uur"). */
  times?: string;
  /** "Not via my partner's phone" and the like. */
  avoid?: string;
}

/** What the parent sees through their link: plain words, their language, nothing of any flag beyond what they approved. */
export interface ParentReferralView {
  service: { name: string; kind: ServiceKind; phone: string | null; address: string | null };
  status: ReferralStatus;
  sharedFields: ConsentField[];
  sentAt: string | null;
  preview: ReferralPacketPreview | null;
  canWithdraw: boolean;
  contactProfile: ParentContactProfile | null;
}
