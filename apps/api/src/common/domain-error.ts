import { ErrorCode, type FieldError, type SchedulingConflict, type SessionWithFamilies } from '@kring/domain';

/**
 * The one error type features throw. The exception filter turns it into
 * `{ code, message, fields? }` with the status that belongs to the code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** For 429: when to try again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
    /** For scheduling_conflict: the double bookings. */
    readonly conflicts?: SchedulingConflict[],
    /** For sessions_have_families: the dates a series change would cancel. */
    readonly sessionsWithFamilies?: SessionWithFamilies[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** HTTP status per error code: the only place this mapping lives. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfFailed]: 403,
  [ErrorCode.TwoFactorRequired]: 403,
  [ErrorCode.StepUpRequired]: 403,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.InvalidTwoFactorCode]: 401,
  [ErrorCode.LinkExpired]: 410,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RouteNotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.AttendanceNotYetOpen]: 409,
  [ErrorCode.SchedulingConflict]: 409,
  [ErrorCode.SessionsHaveFamilies]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Internal]: 500,
};
