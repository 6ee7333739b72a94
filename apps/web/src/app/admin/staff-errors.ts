import type { StaffUserSummary, UpdateStaffUserRequest } from '@kring/domain';
import { ErrorCode, StaffRole } from '@kring/domain';
import { apiErrorCode } from '../core/http/api-error';

/**
 * The API answers 409 `conflict` for "not to yourself" and "Kring needs an admin"; say which.
 * Null when the error is something else.
 */
export function conflictMessageKey(
  error: unknown,
  user: StaffUserSummary,
  changes: UpdateStaffUserRequest,
  isSelf: boolean,
): string | null {
  if (apiErrorCode(error) !== ErrorCode.Conflict) return null;
  const takesAdminAway =
    user.roles.includes(StaffRole.Admin) &&
    (changes.active === false || (changes.roles !== undefined && !changes.roles.includes(StaffRole.Admin)));
  if (isSelf && takesAdminAway) return 'staffAdmin.errors.self';
  if (takesAdminAway) return 'staffAdmin.errors.lastAdmin';
  if (!user.active) return 'staffAdmin.errors.inactive';
  return null;
}
