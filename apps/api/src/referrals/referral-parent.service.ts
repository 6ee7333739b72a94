import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  referralStepProblem,
  type Locale,
  type ParentContactProfile,
  type ParentLinkRequest,
  type ParentReferralView,
  type ReferralPacket,
  DAY_MS,
} from '@kring/domain';
import { AuditService } from '../audit/audit.service';
import { AUTH_SETTINGS, type AuthSettings } from '../auth/auth.settings';
import type { AuthenticatedStaff } from '../auth/session.service';
import { hashToken, newToken } from '../auth/tokens';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { linkDoesNotWork } from '../common/errors';
import { Transactions } from '../database/transactions';
import { FlagBox } from '../flags/flag-box';
import { OutboxService } from '../messages/outbox.service';
import { ReferralDeliveryService } from './referral-delivery.service';
import { ReferralLinksRepository, type LinkRow } from './referral-links.repository';
import { parentLinkMessage, REFERRAL_LINKS } from './referral-messages';
import { ReferralPackets, REFERRING_CENTRE } from './referral-packets';
import { referralSealedAt } from './referral-problems';
import { ReferralStepper } from './referral-stepper';
import { ReferralRepository, type ReferralRow } from './referral.repository';

/** How long the parent's link works. */
export const PARENT_LINK_DAYS = 30;

const linkGone = () => new DomainError(ErrorCode.LinkExpired, linkDoesNotWork(REFERRING_CENTRE));

/**
 * The parent's side, through a single-purpose expiring link (no account): what is (or was) shared,
 * with whom and when; approving the preview; withdrawing; how they want to be contacted. The token
 * travels in a header (the page reads it from the address's fragment), is stored only hashed, and
 * never appears in a path.
 */
@Injectable()
export class ReferralParentService {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly links: ReferralLinksRepository,
    private readonly packets: ReferralPackets,
    private readonly delivery: ReferralDeliveryService,
    private readonly stepper: ReferralStepper,
    private readonly box: FlagBox,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  /**
   * A coordinator sends the parent their link, by the channel and in the language of the parent's
   * contact profile when there is one (it governs every message about this referral; "none" or "by phone
   * call" means Kring sends nothing). @returns whether a message was written.
   */
  async issueLink(staff: AuthenticatedStaff, id: string, request: ParentLinkRequest): Promise<{ expiresAt: string; messaged: boolean }> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const row = await this.repo.rowOrThrow(id, true);
      if (row.status === 'closed') throw new DomainError(ErrorCode.Conflict, 'This referral is closed.');
      const token = newToken();
      const expiresAt = new Date(now.getTime() + PARENT_LINK_DAYS * DAY_MS);
      await this.links.issue({
        id: randomUUID(),
        referralId: id,
        purpose: 'parent',
        tokenHash: hashToken(token),
        expiresAt,
        by: staff.id,
        at: now,
      });
      const profile = await this.links.contactProfileOf(id);
      const channel = profile ? profile.channel : request.channel;
      const locale: Locale = profile ? profile.language : request.language;
      const family = await this.links.familyContact(row.family_id);
      const recipient = channel === 'sms' ? family.phone : channel === 'email' ? family.email : null;
      let messaged = false;
      if ((channel === 'sms' || channel === 'email') && recipient) {
        const link = `${this.settings.publicUrl}${REFERRAL_LINKS.parent}#token=${token}`;
        messaged =
          (await this.outbox.write([
            parentLinkMessage({ familyId: row.family_id, channel, recipient, locale }, link, `referral-parent-link:${randomUUID()}`),
          ])) > 0;
      }
      await this.audit.record({
        action: AuditAction.ReferralLinkIssued,
        entity: 'referral',
        entityId: id,
        details: { purpose: 'parent', channel, locale, messaged, expiresAt: expiresAt.toISOString() },
      });
      return { expiresAt: expiresAt.toISOString(), messaged };
    });
  }

  async view(token: string): Promise<ParentReferralView> {
    return this.transactions.run(async () => {
      const { row } = await this.byToken(token, 'parent');
      const service = await this.links.service(row.service_id);
      const rendered = this.packets.sent(row) ?? (await this.packets.render(row));
      if (rendered) await this.audit.recordRead('referral_packet', row.id, 'parent_link');
      const profile = await this.links.contactProfileOf(row.id);
      const at = this.clock.now().toISOString();
      return {
        service: { name: service.name, kind: service.kind, phone: service.phone, address: service.address },
        status: row.status,
        sharedFields: rendered?.packet.fields ?? [],
        sentAt: row.sent_at?.toISOString() ?? null,
        preview: rendered
          ? { packet: rendered.packet, hash: rendered.hash, approved: rendered.hash === (row.sent_packet_hash ?? row.approved_packet_hash) }
          : null,
        canWithdraw:
          referralStepProblem(await this.stepper.facts(row), { to: 'withdrawn', actor: { kind: 'parent' }, at, rationale: 'x' }) === null,
        contactProfile: profile
          ? {
              channel: profile.channel,
              language: profile.language,
              times: this.box.openOrNull(profile.times_enc, referralSealedAt.contact(row.id, 'times_enc')) ?? undefined,
              avoid: this.box.openOrNull(profile.avoid_enc, referralSealedAt.contact(row.id, 'avoid_enc')) ?? undefined,
            }
          : null,
      };
    });
  }

  /** The parent approves exactly the preview they saw. */
  async approve(token: string, hash: string): Promise<ParentReferralView> {
    await this.transactions.run(async () => {
      const { row } = await this.byToken(token, 'parent', true);
      await this.delivery.approve(row, hash, 'parent', null);
    });
    return this.view(token);
  }

  /** The parent changes their mind: the referral pauses, the coordinator gets a content-free alert, a sent one is stopped. */
  async withdraw(token: string, rationale: string | undefined): Promise<ParentReferralView> {
    const now = this.clock.now();
    await this.transactions.run(async () => {
      const { row } = await this.byToken(token, 'parent', true);
      const why = rationale?.trim() || 'De ouder trok de toestemming in via de link.';
      await this.stepper.take(row, { to: 'withdrawn', actor: { kind: 'parent' }, at: now.toISOString(), rationale: why }, {}, now);
    });
    return this.view(token);
  }

  async setContactProfile(token: string, profile: ParentContactProfile): Promise<ParentReferralView> {
    const now = this.clock.now();
    await this.transactions.run(async () => {
      const { row } = await this.byToken(token, 'parent', true);
      await this.links.saveContactProfile({
        referralId: row.id,
        channel: profile.channel,
        language: profile.language,
        timesEnc: this.box.sealOrNull(profile.times?.trim(), referralSealedAt.contact(row.id, 'times_enc')),
        avoidEnc: this.box.sealOrNull(profile.avoid?.trim(), referralSealedAt.contact(row.id, 'avoid_enc')),
        at: now,
      });
      await this.audit.record({
        action: AuditAction.ReferralContactProfileSet,
        entity: 'referral',
        entityId: row.id,
        actorId: null,
        details: { channel: profile.channel, language: profile.language, times: !!profile.times?.trim(), avoid: !!profile.avoid?.trim() },
      });
    });
    return this.view(token);
  }

  /** The service opens the sent packet through its link: every open recorded with its time, and audited as a read. */
  async serviceOpen(token: string): Promise<{ packet: ReferralPacket; hash: string; openedAt: string }> {
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const { row, link } = await this.byToken(token, 'service');
      const sent = this.packets.sent(row);
      if (!sent || !['sent', 'accepted', 'follow_up'].includes(row.status)) throw linkGone();
      await this.links.recordOpen(link.id, now);
      await this.audit.record({
        action: AuditAction.Read,
        entity: 'referral_packet',
        entityId: row.id,
        purpose: 'service_intake',
        actorId: null,
      });
      return { ...sent, openedAt: now.toISOString() };
    });
  }

  private async byToken(token: string, purpose: 'parent' | 'service', lock = false): Promise<{ row: ReferralRow; link: LinkRow }> {
    if (!token || token.length > 100) throw linkGone();
    const link = await this.links.live(hashToken(token), purpose, this.clock.now());
    if (!link) throw linkGone();
    return { row: await this.repo.rowOrThrow(link.referral_id, lock), link };
  }
}
