import { describe, expect, it } from 'vitest';
import {
  closedOnline,
  isChildMonth,
  isEmailAddress,
  isRegistrationCode,
  nextOffers,
  normalizePhone,
  offerValidUntil,
  seatsNeeded,
} from './registration';

describe('nextOffers', () => {
  it.each([
    [
      'the first family when it fits',
      [
        { id: 'a', seats: 1 },
        { id: 'b', seats: 1 },
      ],
      1,
      ['a'],
    ],
    [
      'several families while seats last',
      [
        { id: 'a', seats: 1 },
        { id: 'b', seats: 2 },
        { id: 'c', seats: 1 },
      ],
      3,
      ['a', 'b'],
    ],
    [
      'a family as one unit, passing over one that does not fit',
      [
        { id: 'a', seats: 3 },
        { id: 'b', seats: 1 },
      ],
      2,
      ['b'],
    ],
    ['nobody when nothing is free', [{ id: 'a', seats: 1 }], 0, []],
    ['nobody when nobody waits', [], 4, []],
  ] as const)('should offer %s', (_what, waiting, free, expected) => {
    expect(nextOffers(waiting, free)).toEqual(expected);
  });
});

describe('seatsNeeded', () => {
  it.each([
    [0, false, 1],
    [2, false, 1],
    [2, true, 3],
    [-1, true, 1],
  ])('should count %i children (counted: %s) as %i seats', (children, counts, seats) => {
    expect(seatsNeeded(children, counts)).toBe(seats);
  });
});

describe('closedOnline', () => {
  const start = new Date('2026-03-05T09:00:00Z');
  const before = (hours: number) => new Date(start.getTime() - hours * 3_600_000);
  it.each([
    ['open before the group closes it', 24, before(25), false],
    ['closed from the moment the group closes it', 24, before(24), true],
    ['closed closer to the start', 24, before(2), true],
    ['open until the start when the group sets no closing time', null, before(0.5), false],
  ] as const)('should be %s', (_what, hours, now, expected) => {
    expect(closedOnline(start, hours, now)).toBe(expected);
  });
});

describe('offerValidUntil', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  it.each([
    ['the configured time when the session is far', 24 * 7, 24, 24],
    ['a third of the time left when the session is close', 12, 24, 4],
    ['at least half an hour', 1.2, 24, 0.5],
  ])('should hold an offer for %s', (_w, sessionIn, configured, validHours) => {
    expect(offerValidUntil(now, at(sessionIn), configured)).toEqual(at(validHours));
  });
  it('should not offer a seat within the last hour', () => {
    expect(offerValidUntil(now, at(0.5), 24)).toBeNull();
  });
});

describe('field rules', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['+32 470/12.34.56', '+32470123456'],
    ['0031612345678', '+31612345678'],
    ['12345', null],
    ['hallo', null],
  ])('should read the phone number %s as %s', (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });

  it.each([
    ['an@voorbeeld.be', true],
    ['an@voorbeeld', false],
    ['an voorbeeld@x.be', false],
  ])('should say %s is an e-mail address: %s', (text, ok) => {
    expect(isEmailAddress(text)).toBe(ok);
  });

  it.each([
    ['2025-11', true],
    ['2026-12', true],
    ['2027-02', false],
    ['2007-01', false],
    ['2025-13', false],
    ['november', false],
  ])('should accept %s as a birth or due month: %s', (text, ok) => {
    expect(isChildMonth(text, new Date('2026-03-15T00:00:00Z'))).toBe(ok);
  });

  it.each([
    ['AC3-D4F', true],
    ['ac3d4f', true],
    ['AC3D4', false],
    ['AO3D4F', false],
  ])('should read %s as a registration code: %s', (text, ok) => {
    expect(isRegistrationCode(text)).toBe(ok);
  });
});
