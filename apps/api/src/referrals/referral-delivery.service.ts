import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  canonicalJson,
  ErrorCode,
  flagDay,
  type ApprovePacketRequest,
  type ReferralSent,
  type ReferralSummary,
  type SendReferralRequest,
  type WarmHandoverRequest,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import type { AuthenticatedStaff } from '../auth/session.service';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { FlagBox } from '../flags/flag-box';
import { OutboxService } from '../messages/outbox.service';
import { ReferralLinksRepository } from './referral-links.repository';
import { REFERRAL_LINKS, serviceLinkMessage } from './referral-messages';
import { ReferralPackets } from './referral-packets';
import { referralProblemError, referralSealedAt } from './referral-problems';
import { ReferralStepper } from './referral-stepper';
import { toSummary } from './referral-views';
import { ReferralRepository, type ReferralRow } from './referral.repository';

/** How long the service's link to the packet works. */
export const SERVICE_LINK_DAYS = 14;
const DAY_MS = 24 * 3_600_000;
/** States in which the packet can be approved: what may be shared is settled. */
const APPROVABLE = new Set(['consented', 'exception_approved']);

/** Approving the packet, sending it (hash checked), and the warm handover. */
@Injectable()
export class ReferralDeliveryService {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly links: ReferralLinksRepository,
    private readonly packets: ReferralPackets,
    private readonly stepper: ReferralStepper,
    private readonly box: FlagBox,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /** The coordinator records that the parent approved the preview on their screen (or, for an exception, approves it as the second coordinator). */
  async approveByCoordinator(staff: AuthenticatedStaff, id: string, request: ApprovePacketRequest): Promise<ReferralSummary> {
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      // Without consent, the packet is approved with four eyes too: not by the coordinator who asked for the exception.
      if (row.status === 'exception_approved' && (await this.repo.exceptionOf(row.exception_id))?.requested_by === staff.id) {
        throw referralProblemError('same_coordinator');
      }
      await this.approve(row, request.hash, 'coordinator', staff.id);
      return toSummary(await this.repo.rowOrThrow(id));
    });
  }

  /** Approval of exactly the preview shown: its hash must be the packet as it would go out now. Used by the parent's link too. */
  async approve(row: ReferralRow, shownHash: string, by: 'parent' | 'coordinator', actorId: string | null): Promise<void> {
    if (!APPROVABLE.has(row.status))
      throw referralProblemError(row.status === 'discussing' || row.status === 'draft' ? 'consent_required' : 'not_allowed');
    const rendered = await this.packets.render(row);
    if (!rendered) throw referralProblemError('consent_required');
    if (rendered.hash !== shownHash) throw referralProblemError('packet_changed');
    const now = this.clock.now();
    await this.repo.patch(row.id, now, { approved_packet_hash: rendered.hash, approved_at: now, approved_by: by });
    await this.audit.record({
      action: AuditAction.ReferralPacketApproved,
      entity: 'referral',
      entityId: row.id,
      actorId,
      details: { by, hash: rendered.hash, fields: rendered.packet.fields },
    });
  }

  /**
   * Sends by the service's channel. What goes out is the packet rendered now, and only if its hash is
   * the approved one (the domain's guard and the database trigger check it again). No content goes in
   * any e-mail: the service gets an expiring, logged link, or the coordinator hands over in person.
   */
  async send(staff: AuthenticatedStaff, id: string, request: SendReferralRequest): Promise<ReferralSent> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      const service = await this.links.service(row.service_id);
      if (!service.intake_channels.includes(request.channel)) {
        const message = 'This service does not take referrals that way: choose one of the ways it accepts.';
        throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'channel', code: 'invalid', message }]);
      }
      const rendered = await this.packets.render(row);
      if (!rendered) throw referralProblemError('consent_required');
      if (rendered.hash !== request.hash) throw referralProblemError('packet_changed');
      await this.stepper.take(
        row,
        { to: 'sent', actor: { kind: 'coordinator', id: staff.id }, at: now.toISOString(), packetHash: rendered.hash },
        {
          sent_packet_hash: rendered.hash,
          sent_packet_enc: this.box.seal(canonicalJson(rendered.packet), referralSealedAt.referral(row.id, 'sent_packet_enc')),
          sent_at: now,
          sent_channel: request.channel,
        },
        now,
      );
      if (request.channel !== 'secure_link') return { status: 'sent', serviceLink: null };
      const token = newToken();
      const expiresAt = new Date(now.getTime() + SERVICE_LINK_DAYS * DAY_MS);
      await this.links.issue({
        id: randomUUID(),
        referralId: row.id,
        purpose: 'service',
        tokenHash: hashToken(token),
        expiresAt,
        by: staff.id,
        at: now,
      });
      const url = `${this.settings.publicUrl}${REFERRAL_LINKS.service}#token=${token}`;
      if (service.email)
        await this.outbox.write([serviceLinkMessage({ email: service.email }, url, flagDay(expiresAt), `referral-service-link:${row.id}`)]);
      await this.audit.record({
        action: AuditAction.ReferralLinkIssued,
        entity: 'referral',
        entityId: row.id,
        details: { purpose: 'service', expiresAt: expiresAt.toISOString(), emailed: !!service.email },
      });
      return { status: 'sent', serviceLink: { url, expiresAt: expiresAt.toISOString() } };
    });
  }

  /** "Warm handover planned": date, place, who goes along (sealed: they can say a lot about a family). */
  async warmHandover(staff: AuthenticatedStaff, id: string, request: WarmHandoverRequest): Promise<ReferralSummary> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      if (!['consented', 'exception_approved', 'sent', 'accepted', 'follow_up'].includes(row.status))
        throw referralProblemError('consent_required');
      if (!request.place.trim() || !request.goingAlong.trim()) {
        const field = request.place.trim() ? 'goingAlong' : 'place';
        throw new DomainError(ErrorCode.ValidationFailed, 'This needs a few words.', [
          { field, code: 'required', message: 'This needs a few words.' },
        ]);
      }
      await this.links.saveHandover({
        referralId: id,
        on: request.on,
        placeEnc: this.box.seal(request.place.trim(), referralSealedAt.handover(id, 'place_enc')),
        goingAlongEnc: this.box.seal(request.goingAlong.trim(), referralSealedAt.handover(id, 'going_along_enc')),
        by: staff.id,
        at: now,
      });
      await this.audit.record({
        action: AuditAction.ReferralHandoverRecorded,
        entity: 'referral',
        entityId: id,
        details: { on: request.on },
      });
      return toSummary(row);
    });
  }
}
