import { describe, expect, it } from 'vitest';
import { CONSENT_FIELDS } from './referrals';
import { buildReferralPacket, canonicalJson, referralPacketHashInput, type ReferralPacketSource } from './referrals-packet';

const makeSource = (overrides: Partial<ReferralPacketSource> = {}): ReferralPacketSource => ({
  referralId: 'referral-1',
  service: { id: 'service-1', name: 'CAW Oost-Vlaanderen' },
  from: { centre: 'De Keerkring', coordinator: 'Sara' },
  family: { displayName: 'Amina', language: 'ar', phone: '+32470000000', email: 'amina@example.test' },
  childrenBirthMonths: ['2025-02', '2022-11'],
  reason: 'Mama zoekt een plek om te wonen.',
  strengths: 'Komt elke week met de kleine.',
  parentWords: 'Ik wil rust voor mijn kinderen.',
  flags: [
    { category: 'practical_needs', observedOn: '2026-02-03', fact: 'Vertelt dat ze moet verhuizen.' },
    { category: 'parent_wellbeing', observedOn: '2026-01-20', fact: 'Slaapt slecht.' },
  ],
  basis: { kind: 'consent', validUntil: '2026-09-01' },
  ...overrides,
});

describe('buildReferralPacket', () => {
  it('should hold only the shared fields, plus whom it is about and on what ground', () => {
    const packet = buildReferralPacket(makeSource(), ['reason']);
    expect(packet).toEqual({
      version: 1,
      referralId: 'referral-1',
      service: { id: 'service-1', name: 'CAW Oost-Vlaanderen' },
      from: { centre: 'De Keerkring', coordinator: 'Sara' },
      basis: { kind: 'consent', validUntil: '2026-09-01' },
      fields: ['reason'],
      family: { displayName: 'Amina', language: 'ar' },
      reason: 'Mama zoekt een plek om te wonen.',
    });
    const text = referralPacketHashInput(packet);
    for (const unshared of ['+32470000000', 'amina@example.test', 'Slaapt slecht', 'rust voor', 'elke week', '2025-02']) {
      expect(text).not.toContain(unshared);
    }
  });

  it('should hold everything when everything is shared, children and flags in a fixed order', () => {
    const packet = buildReferralPacket(makeSource(), [...CONSENT_FIELDS].reverse());
    expect(packet.fields).toEqual([...CONSENT_FIELDS]);
    expect(packet.family).toEqual({ displayName: 'Amina', language: 'ar', phone: '+32470000000', email: 'amina@example.test' });
    expect(packet.childrenBirthMonths).toEqual(['2022-11', '2025-02']);
    expect(packet.flags?.map((f) => f.observedOn)).toEqual(['2026-01-20', '2026-02-03']);
    expect(packet).toMatchObject({ strengths: 'Komt elke week met de kleine.', parentWords: 'Ik wil rust voor mijn kinderen.' });
  });

  it('should keep an empty optional field as null, so "nothing to say" is shown and hashed too', () => {
    const packet = buildReferralPacket(makeSource({ strengths: null, family: { ...makeSource().family, email: null } }), [
      'strengths',
      'contact_details',
    ]);
    expect(packet.strengths).toBeNull();
    expect(packet.family.email).toBeNull();
  });
});

describe('referralPacketHashInput', () => {
  const all = [...CONSENT_FIELDS];

  it('should give the same bytes for the same packet, whatever the order things were gathered in', () => {
    const a = makeSource();
    const b = makeSource({ flags: [...a.flags].reverse(), childrenBirthMonths: [...a.childrenBirthMonths].reverse() });
    expect(referralPacketHashInput(buildReferralPacket(a, all))).toBe(referralPacketHashInput(buildReferralPacket(b, ['reason', ...all])));
  });

  it('should not change with Unicode form, line ends or surrounding spaces', () => {
    const composed = makeSource({ reason: 'Café\r\nna school ' });
    const decomposed = makeSource({ reason: '  Cafe\u0301\nna school' });
    expect(referralPacketHashInput(buildReferralPacket(composed, all))).toBe(referralPacketHashInput(buildReferralPacket(decomposed, all)));
  });

  it.each([
    ['the reason', { reason: 'Mama zoekt een plek om te wonen!' }],
    ['a flag', { flags: [{ category: 'practical_needs' as const, observedOn: '2026-02-04', fact: 'Vertelt dat ze moet verhuizen.' }] }],
    ['the service', { service: { id: 'service-2', name: 'CAW Oost-Vlaanderen' } }],
    ['the ground', { basis: { kind: 'exception' as const, legalBasis: 'court_order' as const } }],
    ['the phone number', { family: { displayName: 'Amina', language: 'ar' as const, phone: '+32470000001', email: null } }],
  ])('should change when %s changes (a new approval is needed)', (_what, overrides) => {
    expect(referralPacketHashInput(buildReferralPacket(makeSource(overrides), all))).not.toBe(
      referralPacketHashInput(buildReferralPacket(makeSource(), all)),
    );
  });

  it('should change when one more field is shared', () => {
    expect(referralPacketHashInput(buildReferralPacket(makeSource(), ['reason']))).not.toBe(
      referralPacketHashInput(buildReferralPacket(makeSource(), ['reason', 'strengths'])),
    );
  });

  it('should start with the packet version, so a later format never matches an earlier approval', () => {
    expect(referralPacketHashInput(buildReferralPacket(makeSource(), ['reason']))).toMatch(/^kring\/referral-packet\/v1\n\{"basis":/);
  });
});

describe('canonicalJson', () => {
  it('should sort keys at every level and leave out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
  });

  it('should refuse numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
  });
});
