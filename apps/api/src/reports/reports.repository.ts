import { Injectable } from '@nestjs/common';
import type { GroupKind, LocalizedText } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface ReachScope {
  /** First day of the first month and of the last month (dates). */
  fromMonth: string;
  toMonth: string;
  locationId: string | null;
  groupId: string | null;
  kind: GroupKind | null;
}

/** `level`: which grouping a row is (GROUPING(month, location, group)): 3 by month, 5 by place, 6 by group, 7 the total. */
export interface ReachRowSql {
  level: number;
  month: string | null;
  location_id: string | null;
  group_id: string | null;
}

export interface FamiliesRow extends ReachRowSql {
  families: number;
  new_in_period: number;
  new_in_month: number;
  first_1000: number;
}

export interface SessionsRow extends ReachRowSql {
  sessions_held: number;
  present: number;
  marked: number;
  adults: number;
  children_pregnancy: number;
  children_0_1: number;
  children_1_3: number;
  children_3_6: number;
  children_6_plus: number;
  first_visit: number;
}

const GROUPINGS = `GROUPING SETS ((month), (location_id), (group_id), ())`;

/**
 * The report's numbers, from the summary tables that triggers keep on every attendance and tally write
 * (migration 1764440000000-reports.ts), so they stay when names leave attendance. Counts only.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Distinct families (by the random reach key) per month, place, group and in all, with new ones and the first 1000 days. */
  families(scope: ReachScope): Promise<FamiliesRow[]> {
    return this.transactions.manager.query(
      `SELECT GROUPING(month, location_id, group_id) AS level, to_char(month, 'YYYY-MM') AS month, location_id, group_id,
              count(DISTINCT visitor)::int AS families,
              count(DISTINCT visitor) FILTER (WHERE first_month >= $1::date)::int AS new_in_period,
              count(DISTINCT visitor) FILTER (WHERE first_month = month)::int AS new_in_month,
              count(DISTINCT visitor) FILTER (WHERE first_1000_visits > 0)::int AS first_1000
         FROM (SELECT r.month, r.location_id, r.group_id, r.visitor, r.first_1000_visits, v.first_month
                 FROM report_reach r
                 JOIN report_visitor v ON v.visitor = r.visitor
                 JOIN parent_group g ON g.id = r.group_id
                WHERE r.month BETWEEN $1::date AND $2::date
                  AND ($3::uuid IS NULL OR r.location_id = $3) AND ($4::uuid IS NULL OR r.group_id = $4) AND ($5::text IS NULL OR g.kind = $5)) x
        GROUP BY ${GROUPINGS}`,
      params(scope),
    );
  }

  /** Sessions held (ended by `now`, not cancelled), marks in groups that take registrations, drop-in tallies. */
  sessions(scope: ReachScope, now: Date): Promise<SessionsRow[]> {
    return this.transactions.manager.query(
      `SELECT GROUPING(month, location_id, group_id) AS level, to_char(month, 'YYYY-MM') AS month, location_id, group_id,
              count(*) FILTER (WHERE held)::int AS sessions_held,
              coalesce(sum(present) FILTER (WHERE registered), 0)::int AS present,
              coalesce(sum(present + absent + excused) FILTER (WHERE registered), 0)::int AS marked,
              coalesce(sum(adults), 0)::int AS adults, coalesce(sum(children_pregnancy), 0)::int AS children_pregnancy,
              coalesce(sum(children_0_1), 0)::int AS children_0_1, coalesce(sum(children_1_3), 0)::int AS children_1_3,
              coalesce(sum(children_3_6), 0)::int AS children_3_6, coalesce(sum(children_6_plus), 0)::int AS children_6_plus,
              coalesce(sum(first_visit), 0)::int AS first_visit
         FROM (SELECT date_trunc('month', s.starts_at AT TIME ZONE 'Europe/Brussels')::date AS month, s.location_id, s.group_id,
                      s.ends_at <= $6 AS held, g.kind <> 'drop_in' AS registered, rs.*
                 FROM group_session s
                 JOIN parent_group g ON g.id = s.group_id
                 LEFT JOIN report_session rs ON rs.session_id = s.id
                WHERE s.status <> 'cancelled'
                  AND s.starts_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'
                  AND s.starts_at < ($2::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Brussels'
                  AND ($3::uuid IS NULL OR s.location_id = $3) AND ($4::uuid IS NULL OR s.group_id = $4) AND ($5::text IS NULL OR g.kind = $5)) x
        GROUP BY ${GROUPINGS}`,
      [...params(scope), now],
    );
  }

  locationNames(ids: string[]): Promise<Array<{ id: string; name: string }>> {
    return this.transactions.manager.query(`SELECT id, name FROM location WHERE id = ANY($1::uuid[])`, [ids]);
  }

  groupTitles(ids: string[]): Promise<Array<{ id: string; title: LocalizedText }>> {
    return this.transactions.manager.query(`SELECT id, title FROM parent_group WHERE id = ANY($1::uuid[])`, [ids]);
  }
}

function params(scope: ReachScope): unknown[] {
  return [scope.fromMonth, scope.toMonth, scope.locationId, scope.groupId, scope.kind];
}
