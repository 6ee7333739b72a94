import { Injectable } from '@nestjs/common';
import type { Page, StaffRole, StaffUserSummary } from '@kring/domain';
import { Transactions } from '../database/transactions';

interface StaffRow {
  id: string;
  email: string;
  display_name: string;
  roles: StaffRole[];
  active: boolean;
  password_set: boolean;
  two_factor_enrolled: boolean;
  created_at: Date;
}

const SUMMARY_COLUMNS = `id, email, display_name, roles, active, password_hash IS NOT NULL AS password_set,
  totp_enabled_at IS NOT NULL AS two_factor_enrolled, created_at`;

@Injectable()
export class StaffRepository {
  constructor(private readonly transactions: Transactions) {}

  async page(search: string | undefined, page: number, pageSize: number): Promise<Page<StaffUserSummary>> {
    const pattern = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: Array<StaffRow & { total: string }> = await this.transactions.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total FROM staff_user
        WHERE $1::text IS NULL OR email ILIKE $1 OR display_name ILIKE $1
        ORDER BY active DESC, lower(display_name), id LIMIT $2 OFFSET $3`,
      [pattern, pageSize, (page - 1) * pageSize],
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page > 1) {
      const [{ count }] = await this.transactions.manager.query(
        `SELECT count(*)::int AS count FROM staff_user WHERE $1::text IS NULL OR email ILIKE $1 OR display_name ILIKE $1`,
        [pattern],
      );
      total = count;
    }
    return { items: rows.map(toSummary), total, page, pageSize };
  }

  async find(id: string, lock = false): Promise<StaffUserSummary | null> {
    const [row] = await this.transactions.manager.query(
      `SELECT ${SUMMARY_COLUMNS} FROM staff_user WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toSummary(row) : null;
  }

  async emailTaken(email: string): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(`SELECT 1 FROM staff_user WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  async insert(email: string, displayName: string, roles: StaffRole[]): Promise<string> {
    const [row] = await this.transactions.manager.query(
      `INSERT INTO staff_user (email, display_name, roles) VALUES ($1, $2, $3) RETURNING id`,
      [email, displayName, roles],
    );
    return row.id;
  }

  async update(id: string, changes: { displayName?: string; roles?: StaffRole[]; active?: boolean }): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE staff_user SET display_name = coalesce($2, display_name), roles = coalesce($3, roles),
              active = coalesce($4, active), updated_at = now() WHERE id = $1`,
      [id, changes.displayName ?? null, changes.roles ?? null, changes.active ?? null],
    );
  }

  async countActiveAdmins(): Promise<number> {
    const [{ count }] = await this.transactions.manager.query(
      `SELECT count(*)::int AS count FROM staff_user WHERE active AND 'admin' = ANY(roles)`,
    );
    return count;
  }

  /** Earlier unused set-password links of this person stop working. */
  async retireSetPasswordLinks(staffUserId: string, now: Date): Promise<void> {
    await this.transactions.manager.query(`UPDATE set_password_token SET used_at = $2 WHERE staff_user_id = $1 AND used_at IS NULL`, [
      staffUserId,
      now,
    ]);
  }

  /** A new one-time link (only its hash is kept); its id. */
  async insertSetPasswordLink(link: {
    tokenHash: Buffer;
    staffUserId: string;
    createdBy: string;
    now: Date;
    expiresAt: Date;
  }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.transactions.manager.query(
      `INSERT INTO set_password_token (token_hash, staff_user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [link.tokenHash, link.staffUserId, link.createdBy, link.now, link.expiresAt],
    );
    return row.id;
  }

  async resetTwoFactor(id: string): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE staff_user SET totp_secret_enc = NULL, totp_pending_secret_enc = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1`,
      [id],
    );
    await this.transactions.manager.query(`DELETE FROM recovery_code WHERE staff_user_id = $1`, [id]);
  }
}

function toSummary(row: StaffRow): StaffUserSummary {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    active: row.active,
    passwordSet: row.password_set,
    twoFactorEnrolled: row.two_factor_enrolled,
    createdAt: row.created_at.toISOString(),
  };
}
