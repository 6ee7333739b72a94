import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  FieldErrorCode,
  isSteppedUp,
  STEP_UP_MINUTES,
  STEP_UP_NOT_ENROLLED,
  stepUpValidUntil,
  type StepUpInfo,
  type StepUpStatus,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RequestContext } from '../common/request-context';
import { SecretBox } from '../common/secret-box';
import { Transactions } from '../database/transactions';
import type { AuthenticatedStaff } from './session.service';
import { SignInThrottle } from './sign-in-throttle.service';
import { StepUpRepository } from './step-up.repository';
import { verifyTotp } from './totp';
import { CODE_NOT_RIGHT } from '../common/errors';

type StaffLocale = 'nl' | 'en' | 'fr';

/**
 * Step-up: a fresh TOTP code lets this session open sensitive text (flags) for `STEP_UP_MINUTES`;
 * so does the two-factor step of signing in, for as long after it.
 * A code is good once (the same replay protection as at sign-in: its step is remembered), and
 * wrong codes count toward the same throttle as the sign-in's two-factor step.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly repo: StepUpRepository,
    private readonly transactions: Transactions,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    private readonly box: SecretBox,
  ) {}

  async status(staff: AuthenticatedStaff): Promise<StepUpStatus> {
    const at = await this.repo.steppedUpAt(staff.sessionId);
    const held = staff.twoFactor.enrolled && isSteppedUp(at, this.clock.now());
    return { enrolled: staff.twoFactor.enrolled, validUntil: held && at ? stepUpValidUntil(at).toISOString() : null };
  }

  /** `locale`: the language of the person's screens, remembered for the alerts they get (staff have no other setting for it). */
  async confirm(staff: AuthenticatedStaff, code: string, locale?: StaffLocale): Promise<StepUpInfo> {
    if (!staff.twoFactor.enrolled) throw notEnrolled();
    const keys = [`mfa:${staff.id}`, `ip:${this.context.ip ?? 'unknown'}`];
    await this.throttle.assertAllowed(keys);
    const now = this.clock.now();
    const ok = await this.transactions.run(async () => {
      const totp = await this.repo.totpForUpdate(staff.id);
      if (!totp.secretEnc) throw notEnrolled();
      const step = verifyTotp(this.box.open(totp.secretEnc), code, now, totp.lastStep);
      if (step === null) return false;
      await this.repo.useStep(staff.id, step);
      await this.repo.markSteppedUp(staff.sessionId, now);
      if (locale) await this.repo.rememberLocale(staff.id, locale);
      await this.throttle.clear(keys[0]);
      await this.audit.record({ action: AuditAction.StepUpVerified, entity: 'staff_session', entityId: staff.sessionId });
      return true;
    });
    if (!ok) {
      await this.transactions.run(async () => {
        await this.throttle.recordFailure(keys);
        await this.audit.record({ action: AuditAction.StepUpFailed, entity: 'staff_session', entityId: staff.sessionId });
      });
      throw new DomainError(ErrorCode.InvalidTwoFactorCode, CODE_NOT_RIGHT);
    }
    return { validUntil: stepUpValidUntil(now).toISOString() };
  }

  /** Throws `step_up_required` (403) unless this session confirmed a code in the last `STEP_UP_MINUTES`. */
  async assertSteppedUp(staff: AuthenticatedStaff): Promise<void> {
    if (!staff.twoFactor.enrolled) throw notEnrolled();
    if (!isSteppedUp(await this.repo.steppedUpAt(staff.sessionId), this.clock.now())) {
      throw new DomainError(
        ErrorCode.StepUpRequired,
        `To open this, confirm with a code from your app (once every ${STEP_UP_MINUTES} minutes).`,
      );
    }
  }
}

function notEnrolled(): DomainError {
  const message = 'Set up two-factor sign-in first: opening this asks for a code from your app.';
  return new DomainError(ErrorCode.StepUpRequired, message, [
    { field: 'code', code: FieldErrorCode.Required, message, reason: STEP_UP_NOT_ENROLLED },
  ]);
}
