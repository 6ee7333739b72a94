import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  FieldErrorCode,
  SET_PASSWORD_LINK_HOURS,
  StaffRole,
  type CreatedStaffUser,
  type Page,
  type SetPasswordLink,
  type StaffUserSummary,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { SessionService, type AuthenticatedStaff } from '../auth/session.service';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { CreateStaffUserDto, UpdateStaffUserDto } from './dto/staff-admin.dto';
import { StaffRepository } from './staff.repository';

/** Admins' work on staff accounts. Every change is audited in its own transaction. */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  list(search: string | undefined, page: number, pageSize: number): Promise<Page<StaffUserSummary>> {
    return this.staff.page(search, page, pageSize);
  }

  create(admin: AuthenticatedStaff, body: CreateStaffUserDto): Promise<CreatedStaffUser> {
    return this.transactions.run(async () => {
      const email = body.email.trim();
      if (await this.staff.emailTaken(email)) {
        throw new DomainError(ErrorCode.Conflict, 'There is already an account with this e-mail address.', [
          { field: 'email', code: FieldErrorCode.Taken, message: 'There is already an account with this e-mail address.' },
        ]);
      }
      const id = await this.staff.insert(email, body.displayName.trim(), body.roles);
      await this.audit.record({ action: AuditAction.StaffCreated, entity: 'staff_user', entityId: id, details: { roles: body.roles } });
      const link = await this.issueLink(admin, id);
      const user = await this.staff.find(id);
      if (!user) throw new Error('Account vanished while being created');
      return { user, setPasswordLink: link };
    });
  }

  update(admin: AuthenticatedStaff, id: string, body: UpdateStaffUserDto): Promise<StaffUserSummary> {
    return this.transactions.run(async () => {
      const before = await this.requireUser(id, true);
      const losesAdmin = (body.roles && !body.roles.includes(StaffRole.Admin)) || body.active === false;
      if (before.roles.includes(StaffRole.Admin) && before.active && losesAdmin) {
        if (id === admin.id) {
          throw new DomainError(
            ErrorCode.Conflict,
            'You cannot take away your own admin access or deactivate yourself. Ask another admin.',
          );
        }
        if ((await this.staff.countActiveAdmins()) <= 1) {
          throw new DomainError(ErrorCode.Conflict, 'Kring needs at least one active admin.');
        }
      }
      await this.staff.update(id, body);
      if (body.displayName !== undefined && body.displayName !== before.displayName) {
        await this.audit.record({
          action: AuditAction.StaffUpdated,
          entity: 'staff_user',
          entityId: id,
          details: { fields: ['displayName'] },
        });
      }
      if (body.roles && [...body.roles].sort().join() !== [...before.roles].sort().join()) {
        await this.audit.record({
          action: AuditAction.StaffRolesChanged,
          entity: 'staff_user',
          entityId: id,
          details: { from: before.roles, to: body.roles },
        });
      }
      if (body.active === false && before.active) {
        const ended = await this.sessions.revokeAllFor(id, 'deactivated');
        await this.audit.record({
          action: AuditAction.StaffDeactivated,
          entity: 'staff_user',
          entityId: id,
          details: { sessionsEnded: ended },
        });
      }
      if (body.active === true && !before.active) {
        await this.audit.record({ action: AuditAction.StaffReactivated, entity: 'staff_user', entityId: id });
      }
      return this.requireUser(id);
    });
  }

  newLink(admin: AuthenticatedStaff, id: string): Promise<SetPasswordLink> {
    return this.transactions.run(async () => {
      const user = await this.requireUser(id, true);
      if (!user.active) throw new DomainError(ErrorCode.Conflict, 'This account is deactivated. Reactivate it first.');
      return this.issueLink(admin, id);
    });
  }

  resetTwoFactor(id: string): Promise<void> {
    return this.transactions.run(async () => {
      await this.requireUser(id, true);
      await this.staff.resetTwoFactor(id);
      const ended = await this.sessions.revokeAllFor(id, 'two_factor_reset');
      await this.audit.record({
        action: AuditAction.TwoFactorReset,
        entity: 'staff_user',
        entityId: id,
        details: { sessionsEnded: ended },
      });
    });
  }

  revokeSessions(id: string): Promise<number> {
    return this.transactions.run(async () => {
      await this.requireUser(id);
      const count = await this.sessions.revokeAllFor(id, 'revoked_by_admin');
      await this.audit.record({ action: AuditAction.SessionsRevoked, entity: 'staff_user', entityId: id, details: { count, by: 'admin' } });
      return count;
    });
  }

  /** A new one-time link; earlier unused links of this person stop working. */
  private async issueLink(admin: AuthenticatedStaff, staffUserId: string): Promise<SetPasswordLink> {
    const now = this.clock.now();
    await this.staff.retireSetPasswordLinks(staffUserId, now);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_HOURS * 3_600_000);
    const linkId = await this.staff.insertSetPasswordLink({
      tokenHash: hashToken(token),
      staffUserId,
      createdBy: admin.id,
      now,
      expiresAt,
    });
    await this.audit.record({
      action: AuditAction.SetPasswordLinkIssued,
      entity: 'staff_user',
      entityId: staffUserId,
      details: { link: linkId },
    });
    return { url: `${this.settings.publicUrl}/set-password#token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  private async requireUser(id: string, lock = false): Promise<StaffUserSummary> {
    const user = await this.staff.find(id, lock);
    if (!user) throw new DomainError(ErrorCode.NotFound, 'There is no such staff account.');
    return user;
  }
}
