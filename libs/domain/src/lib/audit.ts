/** What the audit trail records. Reads of sensitive records say why (`purpose`). */
export const AuditAction = {
  SignInSucceeded: 'auth.sign_in.succeeded',
  SignInFailed: 'auth.sign_in.failed',
  SignInThrottled: 'auth.sign_in.throttled',
  TwoFactorVerified: 'auth.two_factor.verified',
  TwoFactorFailed: 'auth.two_factor.failed',
  TwoFactorEnrolled: 'auth.two_factor.enrolled',
  RecoveryCodeUsed: 'auth.two_factor.recovery_code_used',
  SignedOut: 'auth.signed_out',
  SessionsRevoked: 'auth.sessions_revoked',
  PasswordChanged: 'auth.password_changed',
  PasswordSet: 'auth.password_set',
  StaffCreated: 'staff.created',
  StaffUpdated: 'staff.updated',
  StaffRolesChanged: 'staff.roles_changed',
  StaffDeactivated: 'staff.deactivated',
  StaffReactivated: 'staff.reactivated',
  SetPasswordLinkIssued: 'staff.set_password_link_issued',
  TwoFactorReset: 'staff.two_factor_reset',
  AttendanceUnlocked: 'attendance.unlocked',
  /** A TOTP code confirmed to open sensitive text (step-up), or refused. */
  StepUpVerified: 'auth.step_up.verified',
  StepUpFailed: 'auth.step_up.failed',
  /** Flag events: their details carry ids, category, urgency and status, never text. */
  FlagCreated: 'flag.created',
  FlagAmended: 'flag.amended',
  FlagTransitioned: 'flag.transitioned',
  FlagReconfirmed: 'flag.reconfirmed',
  FlagExpired: 'flag.expired',
  /** Reserved: `npm run flags:rotate-key` runs outside the API and does not write the chained trail (yet). */
  FlagKeyRotated: 'flag.key_rotated',
  /** The service directory: details name the changed fields, never their values. */
  ReferralServiceCreated: 'referral_service.created',
  ReferralServiceUpdated: 'referral_service.updated',
  ReferralServiceDeactivated: 'referral_service.deactivated',
  ReferralServiceReactivated: 'referral_service.reactivated',
  /** Referrals: details carry ids, statuses, fields ticked and hashes, never reason, packet or any other text. */
  ReferralCreated: 'referral.created',
  ReferralTransitioned: 'referral.transitioned',
  ReferralPacketApproved: 'referral.packet_approved',
  ReferralLinkIssued: 'referral.link_issued',
  ReferralHandoverRecorded: 'referral.handover_recorded',
  ReferralContactProfileSet: 'referral.contact_profile_set',
  /** Retention: details carry counts and reasons, never a family's name or contact. */
  LegalHoldSet: 'family.legal_hold.set',
  LegalHoldLifted: 'family.legal_hold.lifted',
  FamilyErased: 'family.erased',
  RetentionRun: 'retention.run',
  Read: 'record.read',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { id: string; displayName: string } | null;
  action: AuditAction;
  entity: string | null;
  entityId: string | null;
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}
