import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as QRCode from 'qrcode';
import {
  AuditAction,
  ErrorCode,
  FieldErrorCode,
  TwoFactorState,
  type RecoveryCodes,
  type SetPasswordLinkInfo,
  type TwoFactorEnrolment,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RequestContext } from '../common/request-context';
import { SecretBox } from '../common/secret-box';
import { Transactions } from '../database/transactions';
import { CredentialsRepository, type SetPasswordLinkRow } from './credentials.repository';
import { hashPassword, verifyPassword } from '../staff/password-hasher';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { assertAcceptablePassword } from './password-policy';
import { SessionService, type AuthenticatedStaff } from './session.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { hashToken, keyedHash } from './tokens';
import { generateTotpSecret, otpauthUrl, verifyTotp, base32Encode } from './totp';
import { CODE_NOT_RIGHT, TWO_FACTOR_FIRST } from '../common/errors';

/** Compared against when the e-mail is unknown, so both answers take as long. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI';
const RECOVERY_CODE_COUNT = 10;

/** Sign-in, the two-factor step, passwords and set-password links. */
@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly credentials: CredentialsRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    private readonly box: SecretBox,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** One answer for a wrong password, an unknown e-mail, a deactivated account or one without a password. */
  async signIn(email: string, password: string): Promise<{ token: string; csrf: string }> {
    const normalized = email.trim().toLowerCase();
    const keys = [`email:${normalized}`, `ip:${this.context.ip ?? 'unknown'}`];
    try {
      await this.throttle.assertAllowed(keys);
    } catch (error) {
      await this.audit.record({ action: AuditAction.SignInThrottled, actorId: null, details: {} });
      throw error;
    }
    const user = await this.credentials.byEmail(normalized);
    const matches = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !user.active || !user.password_hash || !matches) {
      const reason = !user ? 'unknown_account' : !user.active ? 'deactivated' : !user.password_hash ? 'no_password_yet' : 'wrong_password';
      await this.transactions.run(async () => {
        await this.throttle.recordFailure(keys);
        await this.audit.record({
          action: AuditAction.SignInFailed,
          actorId: user?.id ?? null,
          entity: user ? 'staff_user' : undefined,
          entityId: user?.id,
          details: { reason },
        });
      });
      throw new DomainError(ErrorCode.InvalidCredentials, 'That e-mail address and password do not match.');
    }
    return this.transactions.run(async () => {
      await this.throttle.clear(keys[0]);
      const opened = await this.sessions.open(user.id, { ip: this.context.ip, userAgent: this.context.userAgent });
      await this.audit.record({
        action: AuditAction.SignInSucceeded,
        actorId: user.id,
        entity: 'staff_session',
        entityId: opened.sessionId,
      });
      return opened;
    });
  }

  async signOut(staff: AuthenticatedStaff): Promise<void> {
    await this.transactions.run(async () => {
      await this.sessions.revoke(staff.sessionId, 'signed_out');
      await this.audit.record({ action: AuditAction.SignedOut, entity: 'staff_session', entityId: staff.sessionId });
    });
  }

  async signOutEverywhere(staff: AuthenticatedStaff): Promise<number> {
    return this.transactions.run(async () => {
      const count = await this.sessions.revokeAllFor(staff.id, 'signed_out_everywhere');
      await this.audit.record({
        action: AuditAction.SessionsRevoked,
        entity: 'staff_user',
        entityId: staff.id,
        details: { count, by: 'self' },
      });
      return count;
    });
  }

  /** The code from the app, or a recovery code (used once). Wrong codes count toward throttling. */
  async verifyTwoFactor(staff: AuthenticatedStaff, code: string): Promise<void> {
    if (staff.twoFactor.state !== TwoFactorState.CodeRequired) {
      throw new DomainError(ErrorCode.Conflict, 'There is no two-factor code to give for this session.');
    }
    const keys = [`mfa:${staff.id}`, `ip:${this.context.ip ?? 'unknown'}`];
    await this.throttle.assertAllowed(keys);
    const ok = await this.transactions.run(async () => {
      const totp = await this.credentials.totpForUpdate(staff.id);
      if (/^\d{6}$/.test(code)) {
        const step = verifyTotp(this.box.open(totp.secretEnc), code, this.clock.now(), totp.lastStep);
        if (step === null) return false;
        await this.credentials.useTotpStep(staff.id, step);
        await this.audit.record({ action: AuditAction.TwoFactorVerified, entity: 'staff_session', entityId: staff.sessionId });
      } else {
        const codeHash = keyedHash(this.settings.secretKey, normalizeRecoveryCode(code));
        if (!(await this.credentials.useRecoveryCode(staff.id, codeHash, this.clock.now()))) return false;
        const left = await this.credentials.recoveryCodesLeft(staff.id);
        await this.audit.record({
          action: AuditAction.RecoveryCodeUsed,
          entity: 'staff_session',
          entityId: staff.sessionId,
          details: { left },
        });
      }
      await this.sessions.markTwoFactorVerified(staff.sessionId);
      await this.throttle.clear(keys[0]);
      return true;
    });
    if (!ok) {
      await this.transactions.run(async () => {
        await this.throttle.recordFailure(keys);
        await this.audit.record({ action: AuditAction.TwoFactorFailed, entity: 'staff_session', entityId: staff.sessionId });
      });
      throw new DomainError(ErrorCode.InvalidTwoFactorCode, CODE_NOT_RIGHT);
    }
  }

  /** A new secret to scan; nothing changes for sign-in until it is confirmed with a code. */
  async startEnrolment(staff: AuthenticatedStaff): Promise<TwoFactorEnrolment> {
    if (staff.twoFactor.state === TwoFactorState.CodeRequired) {
      throw new DomainError(ErrorCode.TwoFactorRequired, TWO_FACTOR_FIRST);
    }
    if (staff.twoFactor.enrolled) {
      throw new DomainError(ErrorCode.Conflict, 'Two-factor sign-in is already set up. An admin can reset it.');
    }
    const secret = generateTotpSecret();
    await this.credentials.setPendingTotpSecret(staff.id, this.box.seal(secret));
    const url = otpauthUrl(secret, staff.email);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { qrSvg, secret, otpauthUrl: url };
  }

  /** The first code proves the app works: two-factor goes live, and ten recovery codes are shown once. */
  async confirmEnrolment(staff: AuthenticatedStaff, code: string): Promise<RecoveryCodes> {
    const result = await this.transactions.run(async () => {
      const enrolment = await this.credentials.enrolmentForUpdate(staff.id);
      if (enrolment.enabledAt || !enrolment.pendingEnc) {
        throw new DomainError(ErrorCode.Conflict, 'Start the two-factor set-up first.');
      }
      const secret = this.box.open(enrolment.pendingEnc);
      const step = verifyTotp(secret, code, this.clock.now(), null);
      if (step === null) return null;
      await this.credentials.enableTotp(staff.id, this.box.seal(secret), this.clock.now(), step);
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await this.credentials.replaceRecoveryCodes(
        staff.id,
        codes.map((c) => keyedHash(this.settings.secretKey, normalizeRecoveryCode(c))),
      );
      await this.sessions.markTwoFactorVerified(staff.sessionId);
      await this.audit.record({ action: AuditAction.TwoFactorEnrolled, entity: 'staff_user', entityId: staff.id });
      return codes;
    });
    if (!result) {
      await this.throttle.recordFailure([`mfa:${staff.id}`]);
      throw new DomainError(ErrorCode.InvalidTwoFactorCode, CODE_NOT_RIGHT);
    }
    return { recoveryCodes: result };
  }

  /** Changes the password and ends every other session of this person. */
  async changePassword(staff: AuthenticatedStaff, current: string, next: string): Promise<void> {
    const passwordHash = await this.credentials.passwordHash(staff.id);
    if (!passwordHash || !(await verifyPassword(current, passwordHash))) {
      await this.throttle.recordFailure([`email:${staff.email.toLowerCase()}`]);
      throw new DomainError(ErrorCode.ValidationFailed, 'Your current password is not right.', [
        { field: 'currentPassword', code: FieldErrorCode.Invalid, message: 'This is not your current password.' },
      ]);
    }
    assertAcceptablePassword('newPassword', next, staff);
    const hash = await hashPassword(next);
    await this.transactions.run(async () => {
      await this.credentials.setPassword(staff.id, hash, this.clock.now());
      const ended = await this.sessions.revokeAllFor(staff.id, 'password_changed', staff.sessionId);
      await this.audit.record({
        action: AuditAction.PasswordChanged,
        entity: 'staff_user',
        entityId: staff.id,
        details: { otherSessionsEnded: ended },
      });
    });
  }

  /** What a set-password link is for, or 410 when it cannot be used (unknown, used, expired, account off). */
  async describeLink(token: string): Promise<SetPasswordLinkInfo> {
    const row = await this.usableLink(token, false);
    return { email: row.email, displayName: row.display_name, expiresAt: row.expires_at.toISOString() };
  }

  async setPasswordFromLink(token: string, password: string): Promise<void> {
    const preview = await this.usableLink(token, false);
    assertAcceptablePassword('password', password, { email: preview.email, displayName: preview.display_name });
    const hash = await hashPassword(password);
    await this.transactions.run(async () => {
      const row = await this.usableLink(token, true);
      await this.credentials.markLinkUsed(row.id, this.clock.now());
      await this.credentials.setPassword(row.staff_user_id, hash, this.clock.now());
      await this.sessions.revokeAllFor(row.staff_user_id, 'password_set');
      await this.audit.record({
        action: AuditAction.PasswordSet,
        actorId: row.staff_user_id,
        entity: 'staff_user',
        entityId: row.staff_user_id,
      });
    });
  }

  private async usableLink(token: string, lock: boolean): Promise<SetPasswordLinkRow> {
    const row = await this.credentials.setPasswordLink(hashToken(token), lock);
    if (!row || row.used_at || !row.active || row.expires_at <= this.clock.now()) {
      throw new DomainError(ErrorCode.LinkExpired, 'This link has expired or has already been used. Ask an admin for a new one.');
    }
    return row;
  }
}

/** Ten base32 characters in two groups (50 bits), e.g. `k7m2q-x4ht9`, minus look-alikes by construction. */
function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}
