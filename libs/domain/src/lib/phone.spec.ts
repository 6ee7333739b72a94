import { describe, expect, it } from 'vitest';
import { callableE164, formatPhone, mobileE164, phoneKind } from './phone';

describe('phone numbers', () => {
  it.each([
    ['0470 12 34 56', '+32470123456'],
    ['0470/12.34.56', '+32470123456'],
    ['+32 470 12 34 56', '+32470123456'],
    ['0032470123456', '+32470123456'],
    ['+31 6 12345678', '+31612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
  ])('should take %s as a mobile, %s', (text, e164) => {
    expect(mobileE164(text)).toBe(e164);
    expect(phoneKind(text)).toBe('mobile');
  });

  it.each([['053 12 34 56'], ['03 123 45 67'], ['+32 3 123 45 67']])(
    'should refuse the landline %s for text messages, but keep it for calling',
    (text) => {
      expect(mobileE164(text)).toBeNull();
      expect(phoneKind(text)).toBe('landline');
      expect(callableE164(text)).toMatch(/^\+32\d{8}$/);
    },
  );

  it.each([['0470 12 3'], ['hallo'], [''], ['+99 123']])('should find no number in %j', (text) => {
    expect(mobileE164(text)).toBeNull();
    expect(callableE164(text)).toBeNull();
    expect(phoneKind(text)).toBe('invalid');
  });

  it.each([
    ['+32470123456', 'BE', '0470 12 34 56'],
    ['+3231234567', 'BE', '03 123 45 67'],
    ['+31612345678', 'BE', '+31 6 12345678'],
    ['+212612345678', 'BE', '+212 6 12 34 56 78'],
    ['+32470123456', 'NL', '+32 470 12 34 56'],
    ['not a number', 'BE', 'not a number'],
  ])('should show %s to a viewer in %s as %s', (e164, viewer, shown) => {
    expect(formatPhone(e164, viewer)).toBe(shown);
  });
});
