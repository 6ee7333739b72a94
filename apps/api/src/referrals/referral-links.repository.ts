import { Injectable } from '@nestjs/common';
import type { FlagCategory, Locale, ServiceIntakeChannel, ServiceKind } from '@kring/domain';
import { Transactions } from '../database/transactions';

export interface LinkRow {
  id: string;
  referral_id: string;
  purpose: 'parent' | 'service';
  expires_at: Date;
}

export interface ContactProfileRow {
  channel: 'sms' | 'email' | 'phone_call' | 'none';
  language: Locale;
  times_enc: string | null;
  avoid_enc: string | null;
}

/** SQL of what surrounds a referral: its links and their opens, the handover, the contact profile, and what the packet is made of. */
@Injectable()
export class ReferralLinksRepository {
  constructor(private readonly transactions: Transactions) {}

  private get q() {
    return this.transactions.manager;
  }

  /** A new link; earlier links of the same purpose stop working (one live link per purpose). */
  async issue(l: {
    id: string;
    referralId: string;
    purpose: 'parent' | 'service';
    tokenHash: Buffer;
    expiresAt: Date;
    by: string | null;
    at: Date;
  }): Promise<void> {
    await this.revoke(l.referralId, l.purpose, l.at);
    await this.q.query(
      `INSERT INTO referral_link (id, referral_id, purpose, token_hash, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [l.id, l.referralId, l.purpose, l.tokenHash, l.expiresAt, l.by, l.at],
    );
  }

  async revoke(referralId: string, purpose: 'parent' | 'service', at: Date): Promise<void> {
    await this.q.query(`UPDATE referral_link SET revoked_at = $3 WHERE referral_id = $1 AND purpose = $2 AND revoked_at IS NULL`, [
      referralId,
      purpose,
      at,
    ]);
  }

  /** A live link for this purpose with this token hash, or null (unknown, expired or revoked: all the same to the asker). */
  async live(tokenHash: Buffer, purpose: 'parent' | 'service', now: Date): Promise<LinkRow | null> {
    const [row] = await this.q.query(
      `SELECT id, referral_id, purpose, expires_at FROM referral_link WHERE token_hash = $1 AND purpose = $2 AND revoked_at IS NULL AND expires_at > $3`,
      [tokenHash, purpose, now],
    );
    return row ?? null;
  }

  async recordOpen(linkId: string, at: Date): Promise<void> {
    await this.q.query(`INSERT INTO referral_link_open (link_id, opened_at) VALUES ($1, $2)`, [linkId, at]);
  }

  /** Every time a service link of this referral was opened, oldest first. */
  async opensOf(referralId: string): Promise<Date[]> {
    const rows: Array<{ opened_at: Date }> = await this.q.query(
      `SELECT o.opened_at FROM referral_link_open o JOIN referral_link l ON l.id = o.link_id
        WHERE l.referral_id = $1 AND l.purpose = 'service' ORDER BY o.opened_at`,
      [referralId],
    );
    return rows.map((r) => r.opened_at);
  }

  async serviceLinkExpiry(referralId: string): Promise<Date | null> {
    const [row] = await this.q.query(
      `SELECT expires_at FROM referral_link WHERE referral_id = $1 AND purpose = 'service' AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [referralId],
    );
    return row?.expires_at ?? null;
  }

  async saveHandover(h: { referralId: string; on: string; placeEnc: string; goingAlongEnc: string; by: string; at: Date }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral_handover (referral_id, on_date, place_enc, going_along_enc, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (referral_id) DO UPDATE SET on_date = $2, place_enc = $3, going_along_enc = $4, recorded_by = $5, recorded_at = $6`,
      [h.referralId, h.on, h.placeEnc, h.goingAlongEnc, h.by, h.at],
    );
  }

  async handoverOf(referralId: string): Promise<{ on: string; place_enc: string; going_along_enc: string } | null> {
    const [row] = await this.q.query(
      `SELECT to_char(on_date, 'YYYY-MM-DD') AS on, place_enc, going_along_enc FROM referral_handover WHERE referral_id = $1`,
      [referralId],
    );
    return row ?? null;
  }

  async saveContactProfile(p: {
    referralId: string;
    channel: string;
    language: string;
    timesEnc: string | null;
    avoidEnc: string | null;
    at: Date;
  }): Promise<void> {
    await this.q.query(
      `INSERT INTO referral_contact_profile (referral_id, channel, language, times_enc, avoid_enc, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (referral_id) DO UPDATE SET channel = $2, language = $3, times_enc = $4, avoid_enc = $5, updated_at = $6`,
      [p.referralId, p.channel, p.language, p.timesEnc, p.avoidEnc, p.at],
    );
  }

  async contactProfileOf(referralId: string): Promise<ContactProfileRow | null> {
    const [row] = await this.q.query(
      `SELECT channel, language, times_enc, avoid_enc FROM referral_contact_profile WHERE referral_id = $1`,
      [referralId],
    );
    return row ?? null;
  }

  async familyContact(familyId: string): Promise<{ display_name: string; locale: Locale; phone: string | null; email: string | null }> {
    const [row] = await this.q.query(`SELECT display_name, locale, phone, email FROM family WHERE id = $1`, [familyId]);
    return row;
  }

  /** `YYYY-MM` of the family's children (born or expected). */
  async childrenMonths(familyId: string): Promise<string[]> {
    const rows: Array<{ m: string }> = await this.q.query(`SELECT to_char(month, 'YYYY-MM') AS m FROM family_child WHERE family_id = $1`, [
      familyId,
    ]);
    return rows.map((r) => r.m);
  }

  /** The referral's flags with their sealed fact and strengths. */
  async flagTexts(
    referralId: string,
  ): Promise<Array<{ id: string; category: FlagCategory; created_at: Date; fact_enc: string | null; strengths_enc: string | null }>> {
    return this.q.query(
      `SELECT f.id, f.category, f.created_at, f.fact_enc, f.strengths_enc FROM referral_flag rf JOIN flag f ON f.id = rf.flag_id
        WHERE rf.referral_id = $1 ORDER BY f.created_at, f.id`,
      [referralId],
    );
  }

  async service(serviceId: string): Promise<{
    id: string;
    name: string;
    kind: ServiceKind;
    phone: string | null;
    email: string | null;
    address: string | null;
    intake_channels: ServiceIntakeChannel[];
  }> {
    const [row] = await this.q.query(`SELECT id, name, kind, phone, email, address, intake_channels FROM referral_service WHERE id = $1`, [
      serviceId,
    ]);
    return row;
  }

  async staffContact(staffId: string): Promise<{ id: string; email: string; locale: string } | null> {
    const [row] = await this.q.query(`SELECT id, email, coalesce(locale, 'nl') AS locale FROM staff_user WHERE id = $1 AND active`, [
      staffId,
    ]);
    return row ?? null;
  }
}
