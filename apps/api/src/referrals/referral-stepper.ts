import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  referralStepEffects,
  referralStepProblem,
  type ExceptionRequest,
  type FlagStatus,
  type Locale,
  type ReferralActor,
  type ReferralConsent,
  type ReferralFacts,
  type ReferralStep,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import { FlagBox } from '../flags/flag-box';
import { FlagReferrals } from '../flags/flag-referrals';
import { OutboxService } from '../messages/outbox.service';
import { ReferralLinksRepository } from './referral-links.repository';
import { REFERRAL_LINKS, serviceStopMessage, staffReferralMessage } from './referral-messages';
import { referralProblemError, referralSealedAt } from './referral-problems';
import { ReferralRepository, type ConsentRow, type ExceptionRow, type MovableColumn, type ReferralRow } from './referral.repository';

export const actorKind = (actor: ReferralActor) => actor.kind;

export function consentOf(row: ConsentRow | null): ReferralConsent | null {
  if (!row || row.withdrawn_at) return null;
  return {
    serviceId: row.service_id,
    fields: row.fields,
    method: row.method,
    language: row.language as Locale,
    explainer: row.explainer,
    givenAt: row.given_at.toISOString(),
    validUntil: row.valid_until,
  };
}

/** The exception as the domain knows it (its sealed justification is not needed by the guards). */
export function exceptionOf(row: ExceptionRow | null): ExceptionRequest | null {
  if (!row) return null;
  return {
    legalBasis: row.legal_basis,
    justification: '',
    informParent: row.inform_parent ? { inform: true, by: row.inform_by ?? '' } : { inform: false, reason: '' },
    fields: row.fields,
  };
}

/**
 * Every status change of a referral goes through `take`: the domain's guard (`referralStepProblem`),
 * then the change with its effects (`referralStepEffects`), the timeline, the audit event, and the
 * database trigger as the last line. Call it inside the transaction, with the row locked.
 */
@Injectable()
export class ReferralStepper {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly links: ReferralLinksRepository,
    private readonly flagMoves: FlagReferrals,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async facts(row: ReferralRow): Promise<ReferralFacts & { exception: ExceptionRequest | null }> {
    const exception = await this.repo.exceptionOf(row.exception_id);
    return {
      status: row.status,
      serviceId: row.service_id,
      consent: consentOf(await this.repo.consentOf(row.consent_id)),
      exceptionRequestedBy: exception?.requested_by ?? null,
      approvedPacketHash: row.approved_packet_hash,
      exception: exceptionOf(exception),
    };
  }

  /** Throws the guard's refusal, for steps that write their own record (consent, decision) before `take`. */
  async assertAllowed(row: ReferralRow, step: ReferralStep): Promise<void> {
    const problem = referralStepProblem(await this.facts(row), step);
    if (problem) throw referralProblemError(problem);
  }

  /** Checks the step, takes it with its effects; `patch` is what changes with the status (set by this context, never by a request). */
  async take(
    row: ReferralRow,
    step: ReferralStep,
    patch: Partial<Record<MovableColumn, unknown>> = {},
    now = new Date(step.at),
  ): Promise<void> {
    const facts = await this.facts(row);
    const problem = referralStepProblem(facts, step);
    if (problem) throw referralProblemError(problem);
    const effects = referralStepEffects(row.status, step.to, step.actor, facts.exception);
    const changes = { ...patch };
    if (effects.dropPacketApproval) Object.assign(changes, { approved_packet_hash: null, approved_at: null, approved_by: null });
    if (step.to === 'withdrawn' && row.consent_id) {
      await this.repo.withdrawConsent(row.consent_id, step.actor.kind, now);
    }
    const id = randomUUID();
    await this.repo.addTimeline({
      id,
      referralId: row.id,
      from: row.status,
      to: step.to,
      actorKind: step.actor.kind,
      actorId: step.actor.kind === 'coordinator' ? step.actor.id : null,
      rationaleEnc: this.box.sealOrNull(step.rationale?.trim(), referralSealedAt.transition(id)),
      at: now,
    });
    await this.repo.move(row.id, step.to, now, changes);
    if (effects.flagsTo) await this.moveFlags(row, effects.flagsTo, step.actor, now);
    if (effects.tellServiceToStop || step.to === 'withdrawn' || step.to === 'closed') {
      // The service's link stops working; the parent's stays, so they can still see what was shared and with whom.
      await this.links.revoke(row.id, 'service', now);
    }
    if (effects.tellServiceToStop) {
      const service = await this.links.service(row.service_id);
      if (service.email)
        await this.outbox.write([serviceStopMessage({ email: service.email }, row.id, `referral-service-stop:${row.id}:${id}`)]);
    }
    if (effects.alertCoordinator) await this.alertCoordinator(row, `referral-attention:${row.id}:${id}`);
    await this.audit.record({
      action: AuditAction.ReferralTransitioned,
      entity: 'referral',
      entityId: row.id,
      actorId: step.actor.kind === 'coordinator' ? step.actor.id : null,
      details: {
        transitionId: id,
        from: row.status,
        to: step.to,
        actor: step.actor.kind,
        tellServiceToStop: effects.tellServiceToStop,
        ...(step.outcome ? { outcome: step.outcome } : {}),
      },
    });
  }

  /** A content-free "a referral needs your attention" to the referral's coordinator. */
  async alertCoordinator(row: ReferralRow, key: string): Promise<void> {
    const to = await this.links.staffContact(row.coordinator_id);
    if (!to) return;
    await this.outbox.write([
      staffReferralMessage('staff_referral_attention', to, `${this.settings.publicUrl}${REFERRAL_LINKS.board}`, key),
    ]);
  }

  /** The referral's flags follow it (`referred`, or back to the coordinator's follow-up), through the flags context. */
  private async moveFlags(row: ReferralRow, to: FlagStatus, actor: ReferralActor, now: Date): Promise<void> {
    const staffUserId = actor.kind === 'coordinator' ? actor.id : row.coordinator_id;
    await this.flagMoves.follow(
      row.flag_ids,
      to,
      { staffUserId, auditActorId: actor.kind === 'coordinator' ? actor.id : null },
      row.id,
      now,
    );
  }
}
