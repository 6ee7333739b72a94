import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  buildReferralPacket,
  flagDay,
  referralPacketHashInput,
  sharedFields,
  type ReferralPacket,
  type ReferralPacketSource,
} from '@kring/domain';
import { FlagBox, sealedAt } from '../flags/flag-box';
import { ReferralLinksRepository } from './referral-links.repository';
import { referralSealedAt } from './referral-problems';
import { consentOf, exceptionOf } from './referral-stepper';
import { ReferralRepository, type ReferralRow } from './referral.repository';

/** The centre that refers (Kring is run for one centre). */
export const REFERRING_CENTRE = 'De Keerkring';

/** SHA-256 (hex) of the packet's canonical form: what is stored at approval and compared at sending. */
export function packetHash(packet: ReferralPacket): string {
  return createHash('sha256').update(referralPacketHashInput(packet), 'utf8').digest('hex');
}

/**
 * Renders the packet from the shared fields only (the consent's checklist, or what an approved
 * exception asked for), unsealing inside the caller's transaction. Nothing of it is stored in plain text.
 */
@Injectable()
export class ReferralPackets {
  constructor(
    private readonly repo: ReferralRepository,
    private readonly links: ReferralLinksRepository,
    private readonly box: FlagBox,
  ) {}

  /** The packet as it would go out now, and its hash; null when nothing may be shared yet (no consent, no approved exception). */
  async render(row: ReferralRow): Promise<{ packet: ReferralPacket; hash: string } | null> {
    const consentRow = await this.repo.consentOf(row.consent_id);
    const exceptionRow = await this.repo.exceptionOf(row.exception_id);
    const consent = consentOf(consentRow);
    const exception = exceptionRow?.approved ? exceptionOf(exceptionRow) : null;
    const fields = sharedFields({ consent, exception: consent ? null : exception });
    if (fields.length === 0 || (!consent && !exception)) return null;
    const family = await this.links.familyContact(row.family_id);
    const flags = await this.links.flagTexts(row.id);
    const strengths = flags
      .map((f) => this.box.openOrNull(f.strengths_enc, sealedAt.flag(f.id, 'strengths_enc')))
      .filter((s): s is string => !!s)
      .join('\n\n');
    const source: ReferralPacketSource = {
      referralId: row.id,
      service: { id: row.service_id, name: row.service_name },
      from: { centre: REFERRING_CENTRE, coordinator: row.coordinator_name },
      family: { displayName: family.display_name, language: family.locale, phone: family.phone, email: family.email },
      childrenBirthMonths: await this.links.childrenMonths(row.family_id),
      reason: this.box.openOrNull(row.reason_enc, referralSealedAt.referral(row.id, 'reason_enc')) ?? '',
      strengths: strengths || null,
      parentWords: this.box.openOrNull(row.family_hopes_enc, referralSealedAt.referral(row.id, 'family_hopes_enc')),
      flags: flags
        .filter((f) => f.fact_enc)
        .map((f) => ({
          category: f.category,
          observedOn: flagDay(f.created_at),
          fact: this.box.open(f.fact_enc ?? '', sealedAt.flag(f.id, 'fact_enc')),
        })),
      basis: consent
        ? { kind: 'consent', validUntil: consent.validUntil }
        : { kind: 'exception', legalBasis: exceptionRow?.legal_basis ?? 'state_of_necessity' },
    };
    const packet = buildReferralPacket(source, fields);
    return { packet, hash: packetHash(packet) };
  }

  /** The packet as it was sent (sealed at sending): what the service reads, byte for byte. */
  sent(row: ReferralRow): { packet: ReferralPacket; hash: string } | null {
    const json = this.box.openOrNull(row.sent_packet_enc, referralSealedAt.referral(row.id, 'sent_packet_enc'));
    if (!json || !row.sent_packet_hash) return null;
    return { packet: JSON.parse(json) as ReferralPacket, hash: row.sent_packet_hash };
  }
}
