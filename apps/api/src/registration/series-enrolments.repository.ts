import { Injectable } from '@nestjs/common';
import type { GroupKind, LocalizedText, Need, RegistrationStatus } from '@kring/domain';
import { groupScopeSql, scopeParams, type GroupScope } from '../access/group-scope';
import { Transactions } from '../database/transactions';

export interface ScopedGroupRow {
  id: string;
  title: LocalizedText;
  kind: GroupKind;
}

export interface EnrolmentRow {
  id: string;
  created_at: Date;
  family_id: string;
  display_name: string;
  code: string;
  phone: string | null;
  email: string | null;
  children: string[];
  children_coming: number | null;
  needs: Need[] | null;
  source: 'parent' | 'staff' | null;
}

export interface EnrolmentSeatRow {
  enrolment_id: string;
  registration_id: string;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  status: RegistrationStatus;
  waitlist_position: number | null;
}

/**
 * The families enrolled in a group's series (active enrolments) and the coming sessions each holds.
 * Every query takes the group scope: outside one's groups nothing is found.
 */
@Injectable()
export class SeriesEnrolmentsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async group(scope: GroupScope, groupId: string): Promise<ScopedGroupRow | undefined> {
    const [row] = await this.m.query(
      `SELECT g.id, g.title, g.kind FROM parent_group g WHERE g.id = $3 AND ${groupScopeSql('g.id', 1, 2)}`,
      [...scopeParams(scope), groupId],
    );
    return row;
  }

  /** Active enrolments of the group, oldest first, with what the family told us on its latest registration of the series. */
  enrolments(groupId: string): Promise<EnrolmentRow[]> {
    return this.m.query(
      `SELECT e.id, e.created_at, f.id AS family_id, f.display_name, f.code, f.phone, f.email,
              coalesce((SELECT array_agg(to_char(c.month, 'YYYY-MM') ORDER BY c.month) FROM family_child c WHERE c.family_id = f.id), '{}') AS children,
              last.children_coming, last.needs, last.source
         FROM enrolment e
         JOIN family f ON f.id = e.family_id
         LEFT JOIN LATERAL (SELECT r.children_coming, r.needs, r.source FROM registration r
                             WHERE r.enrolment_id = e.id ORDER BY r.created_at DESC, r.id LIMIT 1) last ON true
        WHERE e.group_id = $1 AND e.cancelled_at IS NULL
        ORDER BY e.created_at, f.display_name`,
      [groupId],
    );
  }

  /**
   * The coming, planned sessions of the group that these families are registered for (through the
   * enrolment or, after a move, on their own), cancelled registrations left out.
   */
  seats(groupId: string, enrolmentIds: string[], now: Date): Promise<EnrolmentSeatRow[]> {
    return this.m.query(
      `SELECT e.id AS enrolment_id, r.id AS registration_id, s.id AS session_id, s.starts_at, s.ends_at, r.status,
              CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id
                   AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) END AS waitlist_position
         FROM enrolment e
         JOIN registration r ON r.family_id = e.family_id
         JOIN group_session s ON s.id = r.session_id AND s.group_id = e.group_id
        WHERE e.id = ANY($2::uuid[]) AND e.group_id = $1 AND s.status = 'planned' AND s.starts_at > $3 AND r.status <> 'cancelled'
        ORDER BY s.starts_at, r.id`,
      [groupId, enrolmentIds, now],
    );
  }

  /** One active enrolment within the scope, locked for the change. */
  async enrolmentInScope(scope: GroupScope, enrolmentId: string): Promise<{ id: string; family_id: string; group_id: string } | undefined> {
    const [row] = await this.m.query(
      `SELECT e.id, e.family_id, e.group_id FROM enrolment e
        WHERE e.id = $3 AND e.cancelled_at IS NULL AND ${groupScopeSql('e.group_id', 1, 2)} FOR UPDATE OF e`,
      [...scopeParams(scope), enrolmentId],
    );
    return row;
  }

  /** The family's coming registrations of the group that still hold or wait for a seat, earliest first. */
  async comingOfFamily(familyId: string, groupId: string, now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.m.query(
      `SELECT r.id FROM registration r JOIN group_session s ON s.id = r.session_id
        WHERE r.family_id = $1 AND s.group_id = $2 AND s.starts_at > $3 AND r.status IN ('confirmed', 'offered', 'waitlisted')
        ORDER BY s.starts_at`,
      [familyId, groupId, now],
    );
    return rows.map((r) => r.id);
  }

  /** The family's active enrolment in the group's series, if any. */
  async activeEnrolment(familyId: string, groupId: string): Promise<{ id: string } | undefined> {
    const [row] = await this.m.query(`SELECT id FROM enrolment WHERE family_id = $1 AND group_id = $2 AND cancelled_at IS NULL`, [
      familyId,
      groupId,
    ]);
    return row;
  }

  async endEnrolment(id: string, now: Date): Promise<void> {
    await this.m.query(`UPDATE enrolment SET cancelled_at = $2 WHERE id = $1`, [id, now]);
  }
}
