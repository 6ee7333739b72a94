import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUrl, totp, totpStep, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 secret is "12345678901234567890", 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('should match the RFC test vector at T=%i', (seconds, expected) => {
    expect(hotp(RFC_SECRET, Math.floor(seconds / 30), 8)).toBe(expected);
  });

  it('should round-trip base32 and make 160-bit secrets', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode(generateTotpSecret())).toHaveLength(20);
  });

  it('should accept the code of this step and its neighbours, and nothing further', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-28T10:00:15Z');
    const step = totpStep(now);
    expect(verifyTotp(secret, totp(secret, now), now, null)).toBe(step);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('should refuse a code used before (replay) and anything that is not six digits', () => {
    const secret = generateTotpSecret();
    const now = new Date('2026-11-28T10:00:15Z');
    const code = totp(secret, now);
    const used = verifyTotp(secret, code, now, null);
    expect(verifyTotp(secret, code, now, used)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now, null)).toBeNull();
    expect(verifyTotp(secret, `${code}0`, now, null)).toBeNull();
  });

  it('should describe the account for authenticator apps', () => {
    expect(otpauthUrl('ABC', 'gita@keerkring.be')).toBe(
      'otpauth://totp/Kring%3Agita%40keerkring.be?secret=ABC&issuer=Kring&algorithm=SHA1&digits=6&period=30',
    );
  });
});
