import { describe, expect, it } from 'vitest';
import { EnvValidationError, validateEnv } from './env';

describe(validateEnv.name, () => {
  it('should apply the defaults when nothing is set', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KRING_DATA_DIR).toBe('./data');
    expect(env.KRING_DEMO_DATA).toBe(true);
  });

  it('should read numbers and booleans from strings', () => {
    const env = validateEnv({ PORT: '8080', KRING_DEMO_DATA: 'false', DATABASE_POOL_SIZE: '3' });
    expect(env.PORT).toBe(8080);
    expect(env.KRING_DEMO_DATA).toBe(false);
    expect(env.DATABASE_POOL_SIZE).toBe(3);
  });

  it('should give parents the centre’s phone and e-mail, with demo defaults', () => {
    expect(validateEnv({})).toMatchObject({ KRING_CENTRE_PHONE: '03 123 45 67', KRING_CENTRE_EMAIL: 'info@keerkring.be' });
    expect(validateEnv({ KRING_CENTRE_PHONE: '+32 3 777 12 34', KRING_CENTRE_EMAIL: 'vragen@keerkring.be' })).toMatchObject({
      KRING_CENTRE_PHONE: '+32 3 777 12 34',
      KRING_CENTRE_EMAIL: 'vragen@keerkring.be',
    });
  });

  it('should treat an empty value as not set', () => {
    expect(validateEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ KRING_DEMO_DATA: 'maybe' }, 'KRING_DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ KRING_SECRET_KEY: 'dG9vIHNob3J0' }, 'KRING_SECRET_KEY'],
    [{ NODE_ENV: 'production' }, 'KRING_SECRET_KEY'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ KRING_PUBLIC_URL: 'kring.example' }, 'KRING_PUBLIC_URL'],
    [{ KRING_CENTRE_PHONE: 'bel ons' }, 'KRING_CENTRE_PHONE'],
    [{ KRING_CENTRE_EMAIL: 'info@' }, 'KRING_CENTRE_EMAIL'],
  ])('should stop the start naming the setting when %j', (raw, name) => {
    expect(() => validateEnv(raw)).toThrow(EnvValidationError);
    expect(() => validateEnv(raw)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('should never print a database URL that may hold a password', () => {
    let message = '';
    try {
      validateEnv({ DATABASE_URL: 'mysql://user:secret@h/db' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('secret');
  });
});
