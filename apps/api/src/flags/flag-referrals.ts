import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, flagTransitionProblem, type FlagStatus } from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { FlagBox, sealedAt } from './flag-box';
import { FlagHistoryRepository } from './flag-history.repository';
import { FlagRepository } from './flag.repository';

/** The rationale a flag's status change gets when it follows its referral. */
const REFERRED = 'Doorverwezen';
const BACK_TO_FOLLOW_UP = 'Terug naar opvolging na de doorverwijzing';

/**
 * How other contexts move flags: a referral's flags follow it (`referred`, or back to the coordinator's
 * follow-up), each through the flags' own guard, with its transition and audit event, in the caller's
 * transaction. The flags context keeps its repositories to itself.
 */
@Injectable()
export class FlagReferrals {
  constructor(
    private readonly flags: FlagRepository,
    private readonly history: FlagHistoryRepository,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
  ) {}

  async follow(
    flagIds: readonly string[],
    to: FlagStatus,
    by: { staffUserId: string; auditActorId: string | null },
    referralId: string,
    now: Date,
  ): Promise<void> {
    const rationale = to === 'referred' ? REFERRED : BACK_TO_FOLLOW_UP;
    for (const flagId of flagIds) {
      const flag = await this.flags.sealedOrThrow(flagId, { all: true, staffUserId: by.staffUserId }, true);
      if (flag.status === to || flagTransitionProblem(flag.status, { to, rationale })) continue;
      const id = randomUUID();
      await this.history.addTransition({
        id,
        flagId,
        kind: 'status',
        from: flag.status,
        to,
        rationaleEnc: this.box.seal(rationale, sealedAt.transition(id)),
        reviewBy: null,
        closeReason: null,
        actorId: by.staffUserId,
        at: now,
      });
      await this.flags.decide(flagId, { status: to, at: now });
      await this.audit.record({
        action: AuditAction.FlagTransitioned,
        entity: 'flag',
        entityId: flagId,
        actorId: by.auditActorId,
        details: { transitionId: id, from: flag.status, to, referralId, category: flag.category, urgency: flag.urgency },
      });
    }
  }
}
