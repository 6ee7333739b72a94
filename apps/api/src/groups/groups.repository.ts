import { Injectable } from '@nestjs/common';
import type { Audience, GroupKind, LocalizedText, RegistrationMode } from '@kring/domain';
import { groupScopeSql, scopeParams, type GroupScope } from '../access/group-scope';
import { Transactions } from '../database/transactions';

export interface PublicGroupRow {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  spoken_languages: string[];
  location_name: string;
  location_city: string;
}

export interface StaffGroupRow {
  id: string;
  title: LocalizedText;
  kind: GroupKind;
  audience: Audience;
  location_id: string;
  location_name: string;
  capacity: number | null;
  registration_mode: RegistrationMode;
  active: boolean;
  facilitators: Array<{ id: string; displayName: string }>;
}

const STAFF_GROUP_SELECT = `
  SELECT g.id, g.title, g.kind, g.audience, l.id AS location_id, l.name AS location_name, g.capacity,
         g.registration_mode, g.active,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                     FROM group_facilitator f JOIN staff_user u ON u.id = f.staff_user_id
                    WHERE f.group_id = g.id), '[]') AS facilitators
    FROM parent_group g JOIN location l ON l.id = g.default_location_id`;

/** Queries on groups. Selects only what the caller shows. */
@Injectable()
export class GroupsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Active groups at active places, for the public pages; `audience` also matches "all ages". */
  findPublic(filter: { audience?: Audience }): Promise<PublicGroupRow[]> {
    return this.transactions.manager.query(
      `SELECT g.id, g.title, g.description, g.kind, g.audience, g.spoken_languages,
              l.name AS location_name, l.city AS location_city
         FROM parent_group g
         JOIN location l ON l.id = g.default_location_id
        WHERE g.active AND l.active
          AND ($1::text IS NULL OR g.audience = $1 OR g.audience = 'all')
        ORDER BY g.title ->> 'nl', g.id`,
      [filter.audience ?? null],
    );
  }

  /** The groups within `scope` (a group worker's own; a coordinator's all). */
  findForStaff(scope: GroupScope): Promise<StaffGroupRow[]> {
    return this.transactions.manager.query(
      `${STAFF_GROUP_SELECT} WHERE ${groupScopeSql('g.id', 1, 2)} ORDER BY g.active DESC, g.title ->> 'nl', g.id`,
      scopeParams(scope),
    );
  }

  /** One group if it is within `scope`, else undefined (so the caller answers 404). */
  async findOneForStaff(scope: GroupScope, id: string): Promise<StaffGroupRow | undefined> {
    const rows: StaffGroupRow[] = await this.transactions.manager.query(
      `${STAFF_GROUP_SELECT} WHERE g.id = $3 AND ${groupScopeSql('g.id', 1, 2)}`,
      [...scopeParams(scope), id],
    );
    return rows[0];
  }

  facilitators(): Promise<Array<{ id: string; displayName: string }>> {
    return this.transactions.manager.query(
      `SELECT id, display_name AS "displayName" FROM staff_user
        WHERE active AND roles && ARRAY['coordinator', 'group_worker'] ORDER BY lower(display_name), id`,
    );
  }
}
