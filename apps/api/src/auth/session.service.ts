import { Inject, Injectable } from '@nestjs/common';
import { requiresTwoFactor, TwoFactorState, type SessionInfo, type StaffRole } from '@kring/domain';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { hashToken, newToken } from './tokens';

/** The signed-in person as every guarded request sees them. */
export interface AuthenticatedStaff {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  sessionId: string;
  csrfHash: Buffer;
  twoFactor: SessionInfo['twoFactor'];
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

interface SessionRow {
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

const TOUCH_AFTER_MS = 30_000;

/** Server-side staff sessions: a random cookie token whose hash is the key; revocable at once. */
@Injectable()
export class SessionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Opens a session; the token and CSRF token go to the browser, their hashes to the database. */
  async open(staffUserId: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrf: string; sessionId: string }> {
    const token = newToken();
    const csrf = newToken();
    const now = this.clock.now();
    const absolute = new Date(now.getTime() + this.settings.absoluteMs);
    const [row] = await this.transactions.manager.query(
      `INSERT INTO staff_session (token_hash, csrf_hash, staff_user_id, created_at, last_seen_at, absolute_expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id`,
      [hashToken(token), hashToken(csrf), staffUserId, now, absolute, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
    );
    return { token, csrf, sessionId: row.id };
  }

  /**
   * The person behind a session token, or null when the session is unknown, revoked, idle too
   * long, past its absolute end, or its account is deactivated. Keeps an active session alive.
   */
  async resolve(token: string): Promise<AuthenticatedStaff | null> {
    // Every signed-in request asks this first: prepared once per connection.
    const rows = await this.transactions.prepared<SessionRow>(
      'session.resolve',
      `SELECT s.id, s.csrf_hash, s.staff_user_id, s.last_seen_at, s.absolute_expires_at, s.two_factor_verified_at, s.revoked_at,
              u.email, u.display_name, u.roles, u.active, u.totp_enabled_at
         FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
        WHERE s.token_hash = $1`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now();
    const idleEnd = new Date(row.last_seen_at.getTime() + this.settings.idleMs);
    if (row.revoked_at || !row.active || now >= idleEnd || now >= row.absolute_expires_at) {
      if (!row.revoked_at) await this.revoke(row.id, !row.active ? 'deactivated' : 'expired');
      return null;
    }
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.transactions.manager.query(`UPDATE staff_session SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
        row.id,
        now,
      ]);
    }
    return {
      id: row.staff_user_id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      sessionId: row.id,
      csrfHash: row.csrf_hash,
      twoFactor: twoFactorOf(row.roles, row.totp_enabled_at !== null, row.two_factor_verified_at !== null),
      idleExpiresAt: new Date(now.getTime() + this.settings.idleMs),
      absoluteExpiresAt: row.absolute_expires_at,
    };
  }

  async markTwoFactorVerified(sessionId: string): Promise<void> {
    await this.transactions.manager.query(`UPDATE staff_session SET two_factor_verified_at = $2 WHERE id = $1`, [
      sessionId,
      this.clock.now(),
    ]);
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE staff_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, this.clock.now(), reason],
    );
  }

  /** Ends every open session of a person (optionally but one); returns how many ended. */
  async revokeAllFor(staffUserId: string, reason: string, except?: string): Promise<number> {
    const rows: unknown[] = await this.transactions.manager.query(
      `WITH ended AS (
         UPDATE staff_session SET revoked_at = $2, revoked_reason = $3
          WHERE staff_user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4) RETURNING id)
       SELECT id FROM ended`,
      [staffUserId, this.clock.now(), reason, except ?? null],
    );
    return rows.length;
  }
}

export function twoFactorOf(roles: StaffRole[], enrolled: boolean, verified: boolean): SessionInfo['twoFactor'] {
  const required = requiresTwoFactor(roles);
  const state = enrolled
    ? verified
      ? TwoFactorState.Satisfied
      : TwoFactorState.CodeRequired
    : required
      ? TwoFactorState.EnrolmentRequired
      : TwoFactorState.Satisfied;
  return { state, enrolled, required };
}

export function toSessionInfo(staff: AuthenticatedStaff): SessionInfo {
  return {
    user: { id: staff.id, email: staff.email, displayName: staff.displayName, roles: staff.roles },
    twoFactor: staff.twoFactor,
    idleExpiresAt: staff.idleExpiresAt.toISOString(),
    absoluteExpiresAt: staff.absoluteExpiresAt.toISOString(),
  };
}
