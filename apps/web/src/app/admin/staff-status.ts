import type { StaffUserSummary } from '@kring/domain';

export type StaffStatus = 'active' | 'waiting' | 'deactivated';

/** Where an account stands: in use, waiting for its owner to set a password, or switched off. */
export function staffStatus(user: StaffUserSummary): StaffStatus {
  if (!user.active) return 'deactivated';
  return user.passwordSet ? 'active' : 'waiting';
}
