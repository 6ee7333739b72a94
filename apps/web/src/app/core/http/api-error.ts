import { HttpErrorResponse } from '@angular/common/http';
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
