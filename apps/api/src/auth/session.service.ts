import { Inject, Injectable } from '@nestjs/common';
import { requiresTwoFactor, TwoFactorState, type SessionInfo, type StaffRole } from '@kring/domain';
import { Clock } from '../common/clock';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { SessionsRepository } from './sessions.repository';
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

const TOUCH_AFTER_MS = 30_000;

/** Server-side staff sessions: a random cookie token whose hash is the key; revocable at once. */
@Injectable()
export class SessionService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** Opens a session; the token and CSRF token go to the browser, their hashes to the database. */
  async open(staffUserId: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrf: string; sessionId: string }> {
    const token = newToken();
    const csrf = newToken();
    const now = this.clock.now();
    const absolute = new Date(now.getTime() + this.settings.absoluteMs);
    const sessionId = await this.repo.insert({
      tokenHash: hashToken(token),
      csrfHash: hashToken(csrf),
      staffUserId,
      now,
      absoluteExpiresAt: absolute,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrf, sessionId };
  }

  /**
   * The person behind a session token, or null when the session is unknown, revoked, idle too
   * long, past its absolute end, or its account is deactivated. Keeps an active session alive.
   */
  async resolve(token: string): Promise<AuthenticatedStaff | null> {
    const row = await this.repo.byTokenHash(hashToken(token));
    if (!row) return null;
    const now = this.clock.now();
    const idleEnd = new Date(row.last_seen_at.getTime() + this.settings.idleMs);
    if (row.revoked_at || !row.active || now >= idleEnd || now >= row.absolute_expires_at) {
      if (!row.revoked_at) await this.revoke(row.id, !row.active ? 'deactivated' : 'expired');
      return null;
    }
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await this.repo.touch(row.id, now);
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
    await this.repo.markTwoFactorVerified(sessionId, this.clock.now());
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.repo.revoke(sessionId, this.clock.now(), reason);
  }

  /** Ends every open session of a person (optionally but one); returns how many ended. */
  revokeAllFor(staffUserId: string, reason: string, except?: string): Promise<number> {
    return this.repo.revokeAllFor(staffUserId, this.clock.now(), reason, except ?? null);
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
