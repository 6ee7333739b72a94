import { Injectable } from '@nestjs/common';
import type { Audience, LocalizedText, GroupKind } from '@kring/domain';
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
}
