import { Injectable } from '@nestjs/common';
import { reachesAllGroups, type StaffRole } from '@kring/domain';

/**
 * The one place that turns "who is asking" into a filter on groups (and, through their group,
 * on sessions and families). Repositories take it and put it in their WHERE clause, so a record
 * outside one's groups is simply not found (404), never "forbidden" (which would confirm it exists).
 */
export interface GroupScope {
  /** Coordinators: true. */
  all: boolean;
  staffUserId: string;
}

@Injectable()
export class GroupScopes {
  for(staff: { id: string; roles: StaffRole[] }): GroupScope {
    return { all: reachesAllGroups(staff.roles), staffUserId: staff.id };
  }
}

/**
 * SQL condition: the group `groupIdColumn` is within `scope`. `$all` and `$staff` are the
 * positions of the two parameters the caller adds with `scopeParams`.
 */
export function groupScopeSql(groupIdColumn: string, allParam: number, staffParam: number): string {
  return `($${allParam}::boolean OR EXISTS (SELECT 1 FROM group_facilitator gf WHERE gf.group_id = ${groupIdColumn} AND gf.staff_user_id = $${staffParam}))`;
}

export function scopeParams(scope: GroupScope): [boolean, string] {
  return [scope.all, scope.staffUserId];
}
