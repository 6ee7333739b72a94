/**
 * The directory of services a family can be referred to (Kind en Gezin, CAW, CGG, a GP, the OCJ, …).
 * Admins keep it (`/api/v1/admin/referral-services`); coordinators read the active ones and pick from
 * them (`/api/v1/referral-services`). Nothing is deleted: a service that stops is deactivated, so the
 * referrals made to it keep their history.
 */

export const ServiceKind = {
  KindEnGezin: 'kind_en_gezin',
  Caw: 'caw',
  Cgg: 'cgg',
  Gp: 'gp',
  Ocj: 'ocj',
  Ocmw: 'ocmw',
  HuisVanHetKind: 'huis_van_het_kind',
  Other: 'other',
} as const;
export type ServiceKind = (typeof ServiceKind)[keyof typeof ServiceKind];
export const SERVICE_KINDS: readonly ServiceKind[] = Object.values(ServiceKind);

/** How a service takes a referral: never by e-mail or SMS with content in it. */
export const ServiceIntakeChannel = {
  /** An expiring, logged link to the packet. */
  SecureLink: 'secure_link',
  /** A warm-handover sheet the coordinator prints and gives to the parent. */
  PrintedHandover: 'printed_handover',
  /** The parent goes (or calls) themselves, with the service's details. */
  ParentGoes: 'parent_goes',
} as const;
export type ServiceIntakeChannel = (typeof ServiceIntakeChannel)[keyof typeof ServiceIntakeChannel];
export const SERVICE_INTAKE_CHANNELS: readonly ServiceIntakeChannel[] = Object.values(ServiceIntakeChannel);

/** Limits (characters), the same in the DTO, the database and the web form. */
export const SERVICE_NAME_MAX = 120;
export const SERVICE_PHONE_MAX = 40;
export const SERVICE_EMAIL_MAX = 254;
export const SERVICE_ADDRESS_MAX = 300;
export const SERVICE_NOTES_MAX = 2000;
export const SERVICE_LANGUAGES_MAX = 20;

/** A service as admins and coordinators see it. */
export interface ReferralServiceView {
  id: string;
  name: string;
  kind: ServiceKind;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** How intake works there: who to ask for, opening hours, what to bring. Not about any family. */
  intakeNotes: string;
  /** Languages spoken, as language tags (`nl`, `fr`, `ar`, `tr`, …). */
  languages: string[];
  /** At least one. */
  intakeChannels: ServiceIntakeChannel[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/v1/admin/referral-services` (admin). */
export interface CreateReferralServiceRequest {
  name: string;
  kind: ServiceKind;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  intakeNotes?: string;
  languages?: string[];
  intakeChannels: ServiceIntakeChannel[];
}

/** `PATCH /api/v1/admin/referral-services/:id` (admin): only the fields sent change; `active: false` deactivates. */
export interface UpdateReferralServiceRequest {
  name?: string;
  kind?: ServiceKind;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  intakeNotes?: string;
  languages?: string[];
  intakeChannels?: ServiceIntakeChannel[];
  active?: boolean;
}

/** `GET /api/v1/admin/referral-services` (admin): inactive ones too unless `active=true`. */
export interface ReferralServiceQuery {
  active?: boolean;
}
