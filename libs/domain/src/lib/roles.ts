/** Staff roles. A person may hold more than one. */
export const StaffRole = {
  Admin: 'admin',
  Coordinator: 'coordinator',
  GroupWorker: 'group_worker',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];
export const STAFF_ROLES: readonly StaffRole[] = Object.values(StaffRole);

/**
 * Who reaches which groups and the families in them: coordinators reach every group; a group
 * worker only the groups they facilitate. Admins run accounts and settings, not group work.
 */
export function reachesAllGroups(roles: readonly StaffRole[]): boolean {
  return roles.includes(StaffRole.Coordinator);
}

/** Roles that do group work at all (see `reachesAllGroups` for how far). */
export const GROUP_WORK_ROLES: readonly StaffRole[] = [StaffRole.Coordinator, StaffRole.GroupWorker];
