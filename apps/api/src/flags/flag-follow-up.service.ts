import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  flagDay,
  flagTransitionProblem,
  reconfirmProblem,
  reviewDateProblem,
  type FlagAmendmentCreated,
  type FlagAmendmentDraft,
  type FlagReconfirmRequest,
  type FlagSummary,
  type FlagTransitionProblem,
  type FlagTransitionRequest,
} from '@kring/domain';
import { GroupScopes } from '../access/group-scope';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { FlagBox, sealedAt } from './flag-box';
import { FlagHistoryRepository } from './flag-history.repository';
import { flagProblemsError } from './flag-problems';
import { toSummary } from './flag-views';
import { FlagRepository } from './flag.repository';

const TRANSITION_MESSAGES: Record<FlagTransitionProblem, { field: string; message: string; conflict?: boolean }> = {
  not_allowed: { field: 'to', message: 'A flag cannot go to that status from where it is now.', conflict: true },
  rationale_required: { field: 'rationale', message: 'Say in a few words why.' },
  review_date_required: { field: 'reviewBy', message: 'Watchful waiting needs a review date.' },
  close_reason_required: { field: 'closeReason', message: 'Choose why the flag is closed.' },
  close_reason_reserved: { field: 'closeReason', message: 'Only Kring itself closes a flag as expired.' },
};

/** After logging: amendments (nothing is edited in place), status transitions and re-confirmations. */
@Injectable()
export class FlagFollowUpService {
  constructor(
    private readonly repo: FlagRepository,
    private readonly history: FlagHistoryRepository,
    private readonly scopes: GroupScopes,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The author or a coordinator adds a correction or addition; an erased flag takes none. */
  async amend(staff: AuthenticatedStaff, flagId: string, draft: FlagAmendmentDraft): Promise<FlagAmendmentCreated> {
    if (!draft.text.trim()) throw flagProblemsError([{ field: 'text', reason: 'required' }]);
    const reach = { all: this.scopes.for(staff).all, staffUserId: staff.id };
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const flag = await this.repo.sealedOrThrow(flagId, reach, true);
      if (flag.erased_at) throw new DomainError(ErrorCode.Conflict, 'This flag’s text was erased; it takes no amendments.');
      const id = randomUUID();
      await this.history.addAmendment({
        id,
        flagId,
        field: draft.field,
        textEnc: this.box.seal(draft.text.trim(), sealedAt.amendment(id)),
        authorId: staff.id,
        at: now,
      });
      await this.audit.record({
        action: AuditAction.FlagAmended,
        entity: 'flag',
        entityId: flagId,
        details: { amendmentId: id, field: draft.field, category: flag.category, status: flag.status },
      });
      return { id, at: now.toISOString() };
    });
  }

  /** A coordinator moves a flag on, with a rationale (sealed: it may say sensitive things). */
  async transition(staff: AuthenticatedStaff, flagId: string, request: FlagTransitionRequest): Promise<FlagSummary> {
    const now = this.clock.now();
    const today = flagDay(now);
    return this.transactions.run(async () => {
      const flag = await this.repo.sealedOrThrow(flagId, { all: true, staffUserId: staff.id }, true);
      const problem = flagTransitionProblem(flag.status, request);
      if (problem) {
        const { field, message, conflict } = TRANSITION_MESSAGES[problem];
        if (conflict) throw new DomainError(ErrorCode.Conflict, message, [{ field, code: 'invalid', message, reason: problem }]);
        throw new DomainError(ErrorCode.ValidationFailed, message, [{ field, code: 'required', message, reason: problem }]);
      }
      const review = reviewDateProblem('reviewBy', request.reviewBy, today);
      if (review) throw flagProblemsError([review]);
      const closeReason = request.to === 'closed' ? (request.closeReason ?? null) : null;
      const id = randomUUID();
      await this.history.addTransition({
        id,
        flagId,
        kind: 'status',
        from: flag.status,
        to: request.to,
        rationaleEnc: this.box.seal(request.rationale.trim(), sealedAt.transition(id)),
        reviewBy: request.reviewBy ?? null,
        closeReason,
        actorId: staff.id,
        at: now,
      });
      await this.repo.decide(flagId, { status: request.to, reviewBy: request.reviewBy, closeReason, at: now });
      await this.audit.record({
        action: AuditAction.FlagTransitioned,
        entity: 'flag',
        entityId: flagId,
        details: { transitionId: id, from: flag.status, to: request.to, closeReason, category: flag.category, urgency: flag.urgency },
      });
      return toSummary(await this.repo.sealedOrThrow(flagId, { all: true, staffUserId: staff.id }), today);
    });
  }

  /** A coordinator confirms the concern still holds: the status stays, the expiry clock restarts, maybe a new review date. */
  async reconfirm(staff: AuthenticatedStaff, flagId: string, request: FlagReconfirmRequest): Promise<FlagSummary> {
    const now = this.clock.now();
    const today = flagDay(now);
    return this.transactions.run(async () => {
      const flag = await this.repo.sealedOrThrow(flagId, { all: true, staffUserId: staff.id }, true);
      const problem = reconfirmProblem(flag.status, request, today);
      if (problem === 'closed') throw new DomainError(ErrorCode.Conflict, 'A closed flag is not re-confirmed: log a new one if needed.');
      if (problem) throw flagProblemsError([problem]);
      const id = randomUUID();
      await this.history.addTransition({
        id,
        flagId,
        kind: 'reconfirmed',
        from: flag.status,
        to: flag.status,
        rationaleEnc: this.box.seal(request.reason.trim(), sealedAt.transition(id)),
        reviewBy: request.reviewBy ?? null,
        closeReason: null,
        actorId: staff.id,
        at: now,
      });
      await this.repo.decide(flagId, { status: flag.status, reviewBy: request.reviewBy, closeReason: null, at: now });
      await this.audit.record({
        action: AuditAction.FlagReconfirmed,
        entity: 'flag',
        entityId: flagId,
        details: { transitionId: id, status: flag.status, category: flag.category, urgency: flag.urgency },
      });
      return toSummary(await this.repo.sealedOrThrow(flagId, { all: true, staffUserId: staff.id }), today);
    });
  }
}
