import type { SchedulingConflict, SessionWithFamilies } from './planning';

/**
 * Error codes the API sends in every error body. The web translates the code;
 * `message` is a plain-English fallback for people reading logs or raw responses.
 */
export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  NotFound: 'not_found',
  RouteNotFound: 'route_not_found',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  /** The state-changing request lacked the anti-forgery token (X-XSRF-TOKEN header matching the cookie). */
  CsrfFailed: 'csrf_failed',
  /** Signed in, but the two-factor step (code or enrolment) comes first. */
  TwoFactorRequired: 'two_factor_required',
  /**
   * Opening sensitive text (a flag's) needs a TOTP code confirmed in the last `STEP_UP_MINUTES`
   * (`POST /api/v1/auth/step-up`). Without two-factor set up, the field `code` says `two_factor_not_enrolled`.
   */
  StepUpRequired: 'step_up_required',
  /** E-mail and password do not match an active account (same answer for an unknown e-mail). */
  InvalidCredentials: 'invalid_credentials',
  InvalidTwoFactorCode: 'invalid_two_factor_code',
  /** A set-password link that is unknown, used or expired. */
  LinkExpired: 'link_expired',
  Conflict: 'conflict',
  /** A present or absent mark (or a walk-in) before the session's day; "excused" may be set ahead. */
  AttendanceNotYetOpen: 'attendance_not_yet_open',
  /** Facilitators or rooms double-booked; `conflicts` lists them; resend with confirmConflicts to save anyway. */
  SchedulingConflict: 'scheduling_conflict',
  /** A series change drops dates families are registered for; `sessionsWithFamilies` lists them; resend with confirmCancellations. */
  SessionsHaveFamilies: 'sessions_have_families',
  TooManyRequests: 'too_many_requests',
  PayloadTooLarge: 'payload_too_large',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Why a single field was refused. */
export const FieldErrorCode = {
  Required: 'required',
  UnknownField: 'unknown_field',
  Invalid: 'invalid',
  TooShort: 'too_short',
  TooLong: 'too_long',
  OutOfRange: 'out_of_range',
  NotOneOf: 'not_one_of',
  /** A password refused by `passwordProblems`; the field message says which problem. */
  WeakPassword: 'weak_password',
  Taken: 'taken',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `children.0.birthMonth`. */
  field: string;
  code: FieldErrorCode;
  message: string;
  /** A finer reason the web can translate, e.g. which password problem (`too_common`). */
  reason?: string;
}

/** The one shape of every error response body. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** With `scheduling_conflict`: the double bookings. */
  conflicts?: SchedulingConflict[];
  /** With `sessions_have_families`: the dates that would be cancelled, and how many families each has. */
  sessionsWithFamilies?: SessionWithFamilies[];
  /** Correlates the answer with the server's log line. */
  requestId?: string;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (Object.values(ErrorCode) as string[]).includes(code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
