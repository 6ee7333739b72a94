import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ErrorCode, FieldError } from '@kring/domain';
import { isApiErrorBody } from '@kring/domain';

/**
 * The translation key that tells a person, in their language, what went wrong and
 * what to do. The API sends an `ApiErrorBody` code; anything else gets a kind,
 * generic message. Never a status number.
 */
export function apiErrorMessageKey(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorBody(error.error)) return `errors.codes.${error.error.code}`;
    if (error.status === 0) return 'errors.offline';
  }
  return 'errors.generic';
}

/** The API's error body, when the error is one. */
export function apiErrorBody(error: unknown): ApiErrorBody | null {
  return error instanceof HttpErrorResponse && isApiErrorBody(error.error) ? error.error : null;
}

/** The API's error code (`invalid_credentials`, …), or null for anything else. */
export function apiErrorCode(error: unknown): ErrorCode | null {
  return apiErrorBody(error)?.code ?? null;
}

/** The fields the API refused, each with its code (and for passwords the reason). */
export function apiFieldErrors(error: unknown): readonly FieldError[] {
  return apiErrorBody(error)?.fields ?? [];
}

/** How many seconds the API asks to wait (the `Retry-After` header of a 429), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const value = error.headers?.get('Retry-After');
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}
