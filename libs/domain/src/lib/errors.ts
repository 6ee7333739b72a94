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
  Conflict: 'conflict',
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
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `children.0.birthMonth`. */
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** The one shape of every error response body. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
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
