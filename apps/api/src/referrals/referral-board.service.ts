import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  flagDay,
  type CreateReferralRequest,
  type ReferralCreated,
  type ReferralListQuery,
  type ReferralSummary,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { FAMILY_NOT_FOUND } from '../common/errors';
import { Transactions } from '../database/transactions';
import { FlagBox } from '../flags/flag-box';
import { referralSealedAt } from './referral-problems';
import { toSummary } from './referral-views';
import { ReferralRepository } from './referral.repository';

const problem = (field: string, message: string) =>
  new DomainError(ErrorCode.ValidationFailed, message, [{ field, code: 'invalid', message }]);

/** Making a referral (a draft) and the coordinators' board of referrals, without any text. */
@Injectable()
export class ReferralBoardService {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** From one or more flags of one family, or from the family page; the flags become `referred` when the referral is discussed. */
  async create(staff: AuthenticatedStaff, request: CreateReferralRequest): Promise<ReferralCreated> {
    if (!request.reason.trim()) throw problem('reason', 'Say in a few words why this family is referred.');
    const now = this.clock.now();
    if (request.followUpOn && request.followUpOn < flagDay(now)) throw problem('followUpOn', 'The follow-up date cannot be in the past.');
    const flagIds = [...new Set(request.flagIds ?? [])];
    return this.transactions.run(async () => {
      if (!(await this.repo.familyExists(request.familyId))) throw new DomainError(ErrorCode.NotFound, FAMILY_NOT_FOUND);
      await this.repo.activeServiceOrThrow(request.serviceId);
      const flags = await this.repo.openFlagsOfFamily(request.familyId, flagIds);
      if (flags.length !== flagIds.length) throw problem('flagIds', 'Choose open flags of this one family.');
      const id = randomUUID();
      await this.repo.insert({
        id,
        familyId: request.familyId,
        coordinatorId: staff.id,
        serviceId: request.serviceId,
        reasonEnc: this.box.seal(request.reason.trim(), referralSealedAt.referral(id, 'reason_enc')),
        hopesEnc: this.box.sealOrNull(request.familyHopes?.trim(), referralSealedAt.referral(id, 'family_hopes_enc')),
        followUpOn: request.followUpOn ?? null,
        at: now,
      });
      await this.repo.linkFlags(id, flagIds);
      await this.repo.addTimeline({
        id: randomUUID(),
        referralId: id,
        from: null,
        to: 'draft',
        actorKind: 'coordinator',
        actorId: staff.id,
        rationaleEnc: null,
        at: now,
      });
      await this.audit.record({
        action: AuditAction.ReferralCreated,
        entity: 'referral',
        entityId: id,
        details: { familyId: request.familyId, serviceId: request.serviceId, flagIds, followUpOn: request.followUpOn ?? null },
      });
      return { id, status: 'draft' };
    });
  }

  async list(query: ReferralListQuery & { familyId?: string }): Promise<ReferralSummary[]> {
    const today = flagDay(this.clock.now());
    return this.transactions.run(async () => (await this.repo.list(query, today)).map((r) => toSummary(r)));
  }

  async one(id: string): Promise<ReferralSummary> {
    return this.transactions.run(async () => toSummary(await this.repo.rowOrThrow(id)));
  }
}
