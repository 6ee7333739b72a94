import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  exceptionProblem,
  type CloseReferralRequest,
  type ExceptionDecisionRequest,
  type RecordConsentRequest,
  type ReferralStatus,
  type ReferralSummary,
  type ReferralTransitionRequest,
  type RequestExceptionRequest,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { FlagBox } from '../flags/flag-box';
import { referralProblemError, referralSealedAt } from './referral-problems';
import { ReferralStepper } from './referral-stepper';
import { toSummary } from './referral-views';
import { ReferralRepository } from './referral.repository';

/** The steps that have their own request (consent, exception, close) are refused on the plain transitions route. */
const PLAIN_STEPS: ReadonlySet<ReferralStatus> = new Set(['discussing', 'declined', 'withdrawn', 'accepted', 'follow_up', 'draft']);

/** A coordinator moves a referral on: plain steps, granular consent, an exception and its four-eyes decision, closing. */
@Injectable()
export class ReferralStepsService {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly stepper: ReferralStepper,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async transition(staff: AuthenticatedStaff, id: string, request: ReferralTransitionRequest): Promise<ReferralSummary> {
    if (!PLAIN_STEPS.has(request.to)) {
      const message = 'This step has its own form (consent, exception, sending, closing).';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'to', code: 'invalid', message }]);
    }
    return this.step(id, async (row, at) => {
      await this.stepper.take(row, { to: request.to, actor: { kind: 'coordinator', id: staff.id }, at, rationale: request.rationale });
    });
  }

  /** Granular consent, recorded per referral (for its service); the referral becomes `consented`. */
  async consent(staff: AuthenticatedStaff, id: string, request: RecordConsentRequest): Promise<ReferralSummary> {
    return this.step(id, async (row, at, now) => {
      const consent = { serviceId: row.service_id, ...request, fields: [...new Set(request.fields)], givenAt: at };
      const step = { to: 'consented' as const, actor: { kind: 'coordinator' as const, id: staff.id }, at, consent };
      // The guard runs before anything is written (the consent row comes with the step).
      await this.stepper.assertAllowed(row, step);
      const consentId = randomUUID();
      await this.repo.insertConsent({ id: consentId, referralId: row.id, ...consent, givenAt: now, recordedBy: staff.id });
      await this.stepper.take(row, step, { consent_id: consentId });
    });
  }

  /** Ask to send without consent: legal basis from the list, justification, whether and by when the parent is told. */
  async requestException(staff: AuthenticatedStaff, id: string, request: RequestExceptionRequest): Promise<ReferralSummary> {
    return this.step(id, async (row, at, now) => {
      const problem = exceptionProblem(request, at);
      if (problem) throw referralProblemError(problem);
      const exceptionId = randomUUID();
      const plan = request.informParent;
      await this.repo.insertException({
        id: exceptionId,
        referralId: row.id,
        legalBasis: request.legalBasis,
        justificationEnc: this.box.seal(request.justification.trim(), referralSealedAt.exception(exceptionId, 'justification_enc')),
        informParent: plan.inform,
        informBy: plan.inform ? plan.by : null,
        notInformingReasonEnc: plan.inform
          ? null
          : this.box.seal(plan.reason.trim(), referralSealedAt.exception(exceptionId, 'not_informing_reason_enc')),
        fields: [...new Set(request.fields)],
        requestedBy: staff.id,
        requestedAt: now,
      });
      const step = { to: 'exception_requested' as const, actor: { kind: 'coordinator' as const, id: staff.id }, at, exception: request };
      await this.stepper.take(row, step, { exception_id: exceptionId });
    });
  }

  /** A different coordinator approves or rejects (403 for the one who asked; the database refuses it too). */
  async decideException(staff: AuthenticatedStaff, id: string, request: ExceptionDecisionRequest): Promise<ReferralSummary> {
    return this.step(id, async (row, at, now) => {
      if (row.status !== 'exception_requested' || !row.exception_id) throw referralProblemError('not_allowed');
      const to = request.approve ? ('exception_approved' as const) : ('exception_rejected' as const);
      const step = { to, actor: { kind: 'coordinator' as const, id: staff.id }, at, rationale: request.reason };
      await this.stepper.assertAllowed(row, step);
      await this.repo.decideException(row.exception_id, {
        approved: request.approve,
        by: staff.id,
        at: now,
        reasonEnc: this.box.seal(request.reason.trim(), referralSealedAt.exception(row.exception_id, 'decision_reason_enc')),
      });
      await this.stepper.take(row, step);
    });
  }

  /** Closing only with an outcome from the list and a note. */
  async close(staff: AuthenticatedStaff, id: string, request: CloseReferralRequest): Promise<ReferralSummary> {
    return this.step(id, async (row, at) => {
      const step = {
        to: 'closed' as const,
        actor: { kind: 'coordinator' as const, id: staff.id },
        at,
        outcome: request.outcome,
        outcomeNote: request.note,
      };
      await this.stepper.take(row, step, {
        outcome: request.outcome,
        outcome_note_enc: this.box.sealOrNull(request.note.trim(), referralSealedAt.referral(row.id, 'outcome_note_enc')),
      });
    });
  }

  /** The coordinator has told the parent about the exception: the reminder stops, and the review list shows when. */
  async parentInformed(id: string): Promise<ReferralSummary> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      const exception = await this.repo.exceptionOf(row.exception_id);
      if (!exception?.approved) throw new DomainError(ErrorCode.Conflict, 'This referral has no approved exception.');
      await this.repo.markParentInformed(exception.id, now);
      await this.audit.record({
        action: AuditAction.ReferralTransitioned,
        entity: 'referral',
        entityId: id,
        details: { parentInformed: true },
      });
      return toSummary(row);
    });
  }

  private async step(
    id: string,
    work: (row: Awaited<ReturnType<ReferralRepository['rowOrThrow']>>, at: string, now: Date) => Promise<void>,
  ): Promise<ReferralSummary> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      await work(row, now.toISOString(), now);
      return toSummary(await this.repo.rowOrThrow(id));
    });
  }
}
