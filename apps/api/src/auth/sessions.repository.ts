import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface SessionRow {
  id: string;
  csrf_hash: Buffer;
  staff_user_id: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  two_factor_verified_at: Date | null;
  revoked_at: Date | null;
  email: string;
  display_name: string;
  roles: StaffRole[];
  active: boolean;
  totp_enabled_at: Date | null;
}

/** The SQL of staff sessions: one row per sign-in, keyed by the hash of its cookie token. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get m() {
    return this.transactions.manager;
  }

  async insert(s: {
    tokenHash: Buffer;
    csrfHash: Buffer;
    staffUserId: string;
    now: Date;
    absoluteExpiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.m.query(
      `INSERT INTO staff_session (token_hash, csrf_hash, staff_user_id, created_at, last_seen_at, absolute_expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id`,
      [s.tokenHash, s.csrfHash, s.staffUserId, s.now, s.absoluteExpiresAt, s.ip, s.userAgent],
    );
    return row.id;
  }

  /** The session and its person by the token's hash. Every signed-in request asks this first: prepared once per connection. */
  async byTokenHash(tokenHash: Buffer): Promise<SessionRow | undefined> {
    const rows = await this.transactions.prepared<SessionRow>(
      'session.resolve',
      `SELECT s.id, s.csrf_hash, s.staff_user_id, s.last_seen_at, s.absolute_expires_at, s.two_factor_verified_at, s.revoked_at,
              u.email, u.display_name, u.roles, u.active, u.totp_enabled_at
         FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return rows[0];
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.m.query(`UPDATE staff_session SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
  }

  async markTwoFactorVerified(sessionId: string, now: Date): Promise<void> {
    await this.m.query(`UPDATE staff_session SET two_factor_verified_at = $2 WHERE id = $1`, [sessionId, now]);
  }

  async revoke(sessionId: string, now: Date, reason: string): Promise<void> {
    await this.m.query(`UPDATE staff_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      now,
      reason,
    ]);
  }

  /** Ends every open session of a person (optionally but one); how many ended. */
  async revokeAllFor(staffUserId: string, now: Date, reason: string, except: string | null): Promise<number> {
    const rows: unknown[] = await this.m.query(
      `WITH ended AS (
         UPDATE staff_session SET revoked_at = $2, revoked_reason = $3
          WHERE staff_user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4) RETURNING id)
       SELECT id FROM ended`,
      [staffUserId, now, reason, except],
    );
    return rows.length;
  }
}
