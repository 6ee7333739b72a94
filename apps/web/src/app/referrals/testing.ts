import type { ParentReferralView, ReferralPacket } from '@kring/domain';

/** A packet as the API renders it: every field shared. */
export function makePacket(overrides: Partial<ReferralPacket> = {}): ReferralPacket {
  return {
    version: 1,
    referralId: '0b7d1a52-5c1e-4f7e-9a58-2f3f7d6c9e01',
    service: { id: 'c9f7a2f0-1d1b-4a43-9d2a-7a0d0b8e5f11', name: 'CAW Antwerpen' },
    from: { centre: 'De Keerkring', coordinator: 'Lotte' },
    basis: { kind: 'consent', validUntil: '2027-06-08' },
    fields: ['reason', 'strengths', 'parent_words', 'contact_details', 'children_ages', 'selected_flags'],
    family: { displayName: 'Sara', language: 'nl', phone: '0470 12 34 56', email: 'sara@example.org' },
    reason: 'Vragen over huur en papieren.',
    strengths: 'Sara komt elke week met veel zin.',
    parentWords: 'Hulp met de brieven van de huisbaas.',
    childrenBirthMonths: ['2024-03'],
    flags: [{ category: 'practical_needs', observedOn: '2026-11-19', fact: 'Sara vertelde over een brief van de huisbaas.' }],
    ...overrides,
  };
}

export function makeParentReferralView(overrides: Partial<ParentReferralView> = {}): ParentReferralView {
  return {
    service: { name: 'CAW Antwerpen', kind: 'caw', phone: '03 232 22 22', address: 'Lange Kievitstraat 1, Antwerpen' },
    status: 'consented',
    sharedFields: makePacket().fields,
    sentAt: null,
    preview: { packet: makePacket(), hash: 'a'.repeat(64), approved: false },
    canWithdraw: true,
    contactProfile: null,
    ...overrides,
  };
}
