import type { FlagCategory } from './flags';
import type { Locale } from './locale';
import { CONSENT_FIELDS, type ConsentField, type LegalBasis } from './referrals';

/**
 * The packet: exactly what the receiving service will see, rendered from the shared fields only.
 * The parent (or, for an exception, the approving coordinator) approves it; its hash is stored at
 * approval and checked at sending, so what is sent is byte for byte what was approved.
 *
 * The domain builds the packet and the exact bytes to hash (`referralPacketHashInput`); the API
 * hashes them (SHA-256, hex) and stores nothing of the packet in plain text.
 */

export const REFERRAL_PACKET_VERSION = 1;
const HASH_PREFIX = `kring/referral-packet/v${REFERRAL_PACKET_VERSION}\n`;

/** Everything the packet could hold; the API gathers it (unsealed) inside the transaction. */
export interface ReferralPacketSource {
  referralId: string;
  service: { id: string; name: string };
  /** Who refers: the centre and the coordinator's display name. */
  from: { centre: string; coordinator: string };
  family: { displayName: string; language: Locale; phone: string | null; email: string | null };
  /** `YYYY-MM` (born or expected): ages that do not change between approval and sending. */
  childrenBirthMonths: string[];
  reason: string;
  strengths: string | null;
  /** What the family hopes for, in their words. */
  parentWords: string | null;
  /** The flags the referral came from, as they may be shared. */
  flags: Array<{ category: FlagCategory; observedOn: string; fact: string }>;
  /** On what ground it is shared. */
  basis: { kind: 'consent'; validUntil: string } | { kind: 'exception'; legalBasis: LegalBasis };
}

export interface ReferralPacket {
  version: number;
  referralId: string;
  service: { id: string; name: string };
  from: { centre: string; coordinator: string };
  basis: ReferralPacketSource['basis'];
  /** The shared fields, in checklist order: the packet says itself what it holds. */
  fields: ConsentField[];
  family: { displayName: string; language: Locale; phone?: string | null; email?: string | null };
  reason?: string;
  strengths?: string | null;
  parentWords?: string | null;
  childrenBirthMonths?: string[];
  flags?: Array<{ category: FlagCategory; observedOn: string; fact: string }>;
}

/** Text as it is shown and hashed: Unicode NFC, line ends `\n`, no spaces around. */
export function normalizePacketText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

const norm = (text: string | null): string | null => (text === null ? null : normalizePacketText(text));

/** The packet for these shared fields. Name and language of the family are always in it: the service must know whom it is about. */
export function buildReferralPacket(source: ReferralPacketSource, shared: readonly ConsentField[]): ReferralPacket {
  const fields = CONSENT_FIELDS.filter((f) => shared.includes(f));
  const has = (f: ConsentField) => fields.includes(f);
  const packet: ReferralPacket = {
    version: REFERRAL_PACKET_VERSION,
    referralId: source.referralId,
    service: { id: source.service.id, name: normalizePacketText(source.service.name) },
    from: { centre: normalizePacketText(source.from.centre), coordinator: normalizePacketText(source.from.coordinator) },
    basis: source.basis,
    fields,
    family: { displayName: normalizePacketText(source.family.displayName), language: source.family.language },
  };
  if (has('contact_details')) {
    packet.family.phone = norm(source.family.phone);
    packet.family.email = norm(source.family.email);
  }
  if (has('reason')) packet.reason = normalizePacketText(source.reason);
  if (has('strengths')) packet.strengths = norm(source.strengths);
  if (has('parent_words')) packet.parentWords = norm(source.parentWords);
  if (has('children_ages')) packet.childrenBirthMonths = [...source.childrenBirthMonths].sort();
  if (has('selected_flags')) {
    packet.flags = source.flags
      .map((f) => ({ category: f.category, observedOn: f.observedOn, fact: normalizePacketText(f.fact) }))
      .sort((a, b) => cmp(a.observedOn, b.observedOn) || cmp(a.category, b.category) || cmp(a.fact, b.fact));
  }
  return packet;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted at every level and no `undefined`: the same packet is always the same string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('A packet holds only finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => cmp(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The exact string (UTF-8) whose SHA-256 is stored at approval and compared at sending. */
export function referralPacketHashInput(packet: ReferralPacket): string {
  return HASH_PREFIX + canonicalJson(packet);
}
