import type { FlagCreated, ReferralCreated, ReferralPacketPreview } from '@kring/domain';
import { type Clients, draft, makeFlagsWorld, type FlagsWorld } from './flags-world';
import type { StaffClient } from './staff-client';
import { makeStaff, type MadeStaff } from './staff-factory';
import type { TestApp } from './test-app';

/** The flags world, a second coordinator (four eyes), a service in the directory that takes a secure link, and a flag about family A. */
export interface ReferralsWorld extends FlagsWorld {
  second: MadeStaff;
  serviceId: string;
  flagId: string;
}

export async function makeReferralsWorld(
  t: TestApp,
  c: Clients,
  fact = 'Mama zei dat ze al weken slecht slaapt.',
): Promise<ReferralsWorld> {
  const w = await makeFlagsWorld(t);
  const second = await makeStaff(t, { roles: ['coordinator'], twoFactor: true, displayName: 'Tweede Tine' });
  const [service] = await t.db.query(
    `INSERT INTO referral_service (name, kind, phone, email, address, intake_channels)
     VALUES ('CAW Test', 'caw', '03 222 22 22', 'onthaal@caw.test', 'Kerkstraat 1, 9100 Sint-Niklaas', ARRAY['secure_link', 'parent_goes'])
     RETURNING id`,
  );
  await t.db.query(`INSERT INTO family_child (family_id, month) VALUES ($1, '2025-04-01')`, [w.familyA]);
  const res = await (await c.as(w.author)).post('/api/v1/flags', draft(w.familyA, { fact, strengths: 'Lacht veel met de baby' }));
  const flagId = ((await res.json()) as FlagCreated).id;
  return { ...w, second, serviceId: service.id, flagId };
}

export const consentBody = (overrides: object = {}) => ({
  fields: ['reason', 'parent_words', 'contact_details', 'children_ages', 'selected_flags', 'strengths'],
  method: 'in_person',
  language: 'nl',
  explainer: 'referral-general@1',
  validUntil: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  ...overrides,
});

export const exceptionBody = (overrides: object = {}) => ({
  legalBasis: 'art_458bis',
  justification: 'Ernstig en dreigend gevaar voor het kind; de ouder is niet bereikbaar vandaag.',
  informParent: { inform: true, by: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10) },
  fields: ['reason', 'contact_details'],
  ...overrides,
});

/** A draft referral by `who` from the world's flag. */
export async function createReferral(
  c: Clients,
  w: ReferralsWorld,
  who: MadeStaff,
  reason = 'Slaapt slecht, wil hulp',
  hopes = 'Wat rust',
): Promise<string> {
  const res = await (
    await c.as(who)
  ).post('/api/v1/referrals', {
    familyId: w.familyA,
    flagIds: [w.flagId],
    serviceId: w.serviceId,
    reason,
    familyHopes: hopes,
    followUpOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });
  if (res.status !== 201) throw new Error(`create referral: ${res.status} ${await res.text()}`);
  return ((await res.json()) as ReferralCreated).id;
}

/** Draft → discussing → consented, and the packet approved as shown. @returns the approved hash. */
export async function consentAndApprove(coordinator: StaffClient, id: string): Promise<string> {
  const steps: Array<[string, object]> = [
    [`/api/v1/referrals/${id}/transitions`, { to: 'discussing', rationale: 'Besproken met mama' }],
    [`/api/v1/referrals/${id}/consent`, consentBody()],
  ];
  for (const [path, body] of steps) {
    const res = await coordinator.post(path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  const preview = (await (
    await coordinator.post(`/api/v1/referrals/${id}/packet/open`, { purpose: 'referral_preparation' })
  ).json()) as ReferralPacketPreview;
  const approved = await coordinator.post(`/api/v1/referrals/${id}/packet/approval`, { hash: preview.hash });
  if (approved.status !== 200) throw new Error(`approval: ${approved.status} ${await approved.text()}`);
  return preview.hash;
}
