/** Staff roles. A person may hold more than one. */
export const StaffRole = {
  Admin: 'admin',
  Coordinator: 'coordinator',
  GroupWorker: 'group_worker',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];
export const STAFF_ROLES: readonly StaffRole[] = Object.values(StaffRole);
