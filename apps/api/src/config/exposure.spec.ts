import { describe, expect, it } from 'vitest';
import { validateEnv } from './env';
import { exposureWarning, isLoopback } from './exposure';

describe('exposure warning', () => {
  it('should tell loopback from addresses other machines reach', () => {
    expect(['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'kring.example'].some(isLoopback)).toBe(false);
  });

  it('should warn on a reachable address without production settings, naming what is missing', () => {
    const warning = exposureWarning(validateEnv({ HOST: '0.0.0.0' }));
    expect(warning).toContain('Kring listens on 0.0.0.0');
    expect(warning).toContain('NODE_ENV=development');
    expect(warning).toContain('KRING_SECRET_KEY is not set');
    expect(warning).toContain('KRING_DEMO_DATA is on');
  });

  it('should say nothing on loopback or in production', () => {
    expect(exposureWarning(validateEnv({ HOST: '127.0.0.1' }))).toBeNull();
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(exposureWarning(validateEnv({ HOST: '0.0.0.0', NODE_ENV: 'production', KRING_SECRET_KEY: key }))).toBeNull();
  });

  it('should refuse a trusted proxy that is not an address', () => {
    expect(() => validateEnv({ KRING_TRUST_PROXY: 'true' })).toThrow(/KRING_TRUST_PROXY/);
    expect(validateEnv({ KRING_TRUST_PROXY: 'loopback, 10.0.0.2, 192.168.1.0/24' }).KRING_TRUST_PROXY).toContain('10.0.0.2');
  });
});
