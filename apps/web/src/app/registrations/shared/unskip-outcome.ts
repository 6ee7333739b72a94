import type { StaffRegistrationView } from '@kring/domain';
import { ErrorCode } from '@kring/domain';
import { apiErrorCode } from '../../core/http/api-error';
import type { ErrorMessage } from '../../core/http/error-message';
import { errorMessage } from '../../core/http/error-message';

/**
 * What to tell after "comes after all" (`POST /registrations/:id/unskip`): from the session's list
 * the API answers, whether the family got its seat back or went to the back of the waitlist (its number).
 */
export function unskipOutcome(
  list: readonly StaffRegistrationView[],
  registrationId: string,
  name: string,
): { key: string; params: Record<string, string> } {
  const placed = list.find((r) => r.id === registrationId);
  if (placed?.status === 'waitlisted' && placed.waitlistPosition !== null) {
    return { key: 'registrations.unskip.waitlisted', params: { name, position: String(placed.waitlistPosition) } };
  }
  if (placed?.status === 'offered') return { key: 'registrations.unskip.offered', params: { name } };
  return { key: 'registrations.unskip.confirmed', params: { name } };
}

/** A refused "comes after all", kindly: the date can no longer change (409), or the registration is gone (404). */
export function unskipProblem(error: unknown, locale: string): ErrorMessage {
  const code = apiErrorCode(error);
  if (code === ErrorCode.Conflict) return { key: 'registrations.unskip.conflict' };
  if (code === ErrorCode.NotFound) return { key: 'registrations.unskip.notFound' };
  return errorMessage(error, locale);
}
