import { childAge, telLink } from './child-age';

describe('childAge', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it.each([
    ['2026-11', { key: 'registrations.age.newborn' }],
    ['2026-10', { key: 'registrations.age.months.one', params: { count: '1' } }],
    ['2026-04', { key: 'registrations.age.months.other', params: { count: '7' } }],
    ['2024-12', { key: 'registrations.age.months.other', params: { count: '23' } }],
    ['2024-11', { key: 'registrations.age.years.other', params: { count: '2' } }],
    ['2025-11', { key: 'registrations.age.months.other', params: { count: '12' } }],
    ['2027-03', { key: 'registrations.age.expected', params: { month: 'maart' } }],
  ])('should say the age of a child born in %s as people say it', (month, phrase) => {
    expect(childAge(month, 'nl', now)).toEqual(phrase);
  });

  it('should count whole years from two years on, in the page language', () => {
    expect(childAge('2023-06', 'fr', now)).toEqual({ key: 'registrations.age.years.other', params: { count: '3' } });
  });

  it('should give nothing for a month it cannot read', () => {
    expect(childAge('maart', 'nl', now)).toBeNull();
  });
});

describe('telLink', () => {
  it('should dial the number without spaces', () => {
    expect(telLink('+32 470 12 34 56')).toBe('tel:+32470123456');
  });
});
