import { Injectable } from '@nestjs/common';
import {
  auditPurpose,
  readPurposeProblem,
  type OpenReferralRequest,
  type ReferralDetail,
  type ReferralPacketPreview,
  type ReferralSummary,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/session.service';
import { StepUpService } from '../auth/step-up.service';
import { Transactions } from '../database/transactions';
import { FlagBox } from '../flags/flag-box';
import { flagProblemsError } from '../flags/flag-problems';
import { ReferralLinksRepository } from './referral-links.repository';
import { ReferralPackets } from './referral-packets';
import { referralProblemError } from './referral-problems';
import { toDetail, toSummary } from './referral-views';
import { ReferralRepository } from './referral.repository';

/**
 * Opening a referral's text or its packet: coordinators only, after step-up, for a purpose, and every
 * opening is an audit read with that purpose in the transaction that reads it.
 */
@Injectable()
export class ReferralReadingService {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly links: ReferralLinksRepository,
    private readonly packets: ReferralPackets,
    private readonly stepUp: StepUpService,
    private readonly box: FlagBox,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async open(staff: AuthenticatedStaff, id: string, request: OpenReferralRequest): Promise<ReferralDetail> {
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id);
      await this.assertMayRead(staff, request);
      const parts = {
        consent: await this.repo.consentOf(row.consent_id),
        exception: await this.repo.exceptionOf(row.exception_id),
        timeline: await this.repo.timelineOf(id),
        opens: await this.links.opensOf(id),
        handover: await this.links.handoverOf(id),
      };
      await this.audit.recordRead('referral', id, auditPurpose(request));
      return toDetail(row, parts, this.box);
    });
  }

  /** The packet as it would go out now (or as it went out), with its hash and whether that is the approved one. */
  async packet(staff: AuthenticatedStaff, id: string, request: OpenReferralRequest): Promise<ReferralPacketPreview> {
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id);
      await this.assertMayRead(staff, request);
      const rendered = this.packets.sent(row) ?? (await this.packets.render(row));
      if (!rendered) throw referralProblemError('consent_required');
      await this.audit.recordRead('referral_packet', id, auditPurpose(request));
      return { ...rendered, approved: rendered.hash === row.approved_packet_hash || rendered.hash === row.sent_packet_hash };
    });
  }

  /** The coordinators' review list of every referral made (or asked) without consent, without text. */
  async exceptions(): Promise<ReferralSummary[]> {
    return this.transactions.run(async () => (await this.repo.exceptionsForReview()).map((r) => toSummary(r)));
  }

  private async assertMayRead(staff: AuthenticatedStaff, request: OpenReferralRequest): Promise<void> {
    const problem = readPurposeProblem(request, false);
    if (problem) throw flagProblemsError([problem]);
    await this.stepUp.assertSteppedUp(staff);
  }
}
