import { Injectable } from '@nestjs/common';
import type { LocalizedText, Need, RegistrationStatus, StaffRegistrationView } from '@kring/domain';
import { groupScopeSql, scopeParams, type GroupScope } from '../access/group-scope';
import { Transactions } from '../database/transactions';

export interface StaffRegistrationRow {
  id: string;
  status: StaffRegistrationView['status'];
  seats: number;
  children_coming: number;
  needs: StaffRegistrationView['needs'];
  enrolment_id: string | null;
  source: 'parent' | 'staff';
  created_at: Date;
  offer_expires_at: Date | null;
  family_id: string;
  display_name: string;
  code: string;
  phone: string | null;
  email: string | null;
  children: string[];
  waitlist_position: number | null;
}

export interface FamilyByCodeRow {
  family_id: string;
  display_name: string;
  id: string;
  session_id: string;
  status: RegistrationStatus;
  starts_at: Date;
  ends_at: Date;
  group_id: string;
  group_title: LocalizedText;
}

export interface ScopedRegistrationRow {
  id: string;
  family_id: string;
  session_id: string;
  status: RegistrationStatus;
  seats: number;
}

/** What staff read of registrations, always within their group scope (outside it: nothing is found). */
@Injectable()
export class StaffRegistrationsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  /** A session's registrations: confirmed, offered, waiting (in order), then the rest; with each family's children and waitlist place. */
  sessionRegistrations(sessionId: string): Promise<StaffRegistrationRow[]> {
    return this.m.query(
      `SELECT r.id, r.status, r.seats, r.children_coming, r.needs, r.enrolment_id, r.source, r.created_at, r.queue_seq, r.offer_expires_at,
              f.id AS family_id, f.display_name, f.code, f.phone, f.email,
              coalesce((SELECT array_agg(to_char(c.month, 'YYYY-MM') ORDER BY c.month) FROM family_child c WHERE c.family_id = f.id), '{}') AS children,
              CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w WHERE w.session_id = r.session_id
                   AND w.status = 'waitlisted' AND w.queue_seq <= r.queue_seq) END AS waitlist_position
         FROM registration r JOIN family f ON f.id = r.family_id
        WHERE r.session_id = $1
        ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'offered' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, r.queue_seq`,
      [sessionId],
    );
  }

  /** A family by its code, with its registrations in the scope's groups, earliest first. */
  byCode(scope: GroupScope, code: string): Promise<FamilyByCodeRow[]> {
    return this.m.query(
      `SELECT f.id AS family_id, f.display_name, r.id, r.session_id, r.status, s.starts_at, s.ends_at, g.id AS group_id, g.title AS group_title
           FROM family f JOIN registration r ON r.family_id = f.id JOIN group_session s ON s.id = r.session_id JOIN parent_group g ON g.id = s.group_id
          WHERE f.code = $3 AND ${groupScopeSql('s.group_id', 1, 2)} ORDER BY s.starts_at`,
      [...scopeParams(scope), code],
    );
  }

  async registrationInScope(scope: GroupScope, id: string): Promise<ScopedRegistrationRow | undefined> {
    const [row]: ScopedRegistrationRow[] = await this.m.query(
      `SELECT r.id, r.family_id, r.session_id, r.status, r.seats FROM registration r JOIN group_session s ON s.id = r.session_id
        WHERE r.id = $3 AND ${groupScopeSql('s.group_id', 1, 2)}`,
      [...scopeParams(scope), id],
    );
    return row;
  }

  async sessionInScope(scope: GroupScope, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(`SELECT 1 FROM group_session s WHERE s.id = $3 AND ${groupScopeSql('s.group_id', 1, 2)}`, [
      ...scopeParams(scope),
      sessionId,
    ]);
    return rows.length > 0;
  }

  async groupInScope(scope: GroupScope, groupId: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(`SELECT 1 FROM parent_group g WHERE g.id = $3 AND ${groupScopeSql('g.id', 1, 2)}`, [
      ...scopeParams(scope),
      groupId,
    ]);
    return rows.length > 0;
  }

  async familyHasRegistration(familyId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(`SELECT 1 FROM registration WHERE family_id = $1 AND session_id = $2`, [
      familyId,
      sessionId,
    ]);
    return rows.length > 0;
  }

  /** What the family told us on a registration (children coming, needs), to carry over when it moves. */
  async childrenAndNeeds(registrationId: string): Promise<{ children_coming: number; needs: Need[] }> {
    const [row]: Array<{ children_coming: number; needs: Need[] }> = await this.m.query(
      `SELECT children_coming, needs FROM registration WHERE id = $1`,
      [registrationId],
    );
    return row;
  }
}
