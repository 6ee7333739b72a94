import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hasher';

describe('password hasher', () => {
  it('should accept the same password and refuse another', async () => {
    const phc = await hashPassword('een lang genoeg wachtwoord');
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword('een lang genoeg wachtwoord', phc)).resolves.toBe(true);
    await expect(verifyPassword('een lang genoeg wachtwoorD', phc)).resolves.toBe(false);
  });

  it('should salt each hash', async () => {
    expect(await hashPassword('zelfde wachtwoord')).not.toBe(await hashPassword('zelfde wachtwoord'));
  });

  it('should refuse a hash it cannot read', async () => {
    await expect(verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).resolves.toBe(false);
  });
});
