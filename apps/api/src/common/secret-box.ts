import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';

/**
 * Encrypts small secrets at rest (AES-256-GCM, a fresh nonce each time, versioned so the key
 * can be rotated later). Stored form: `<key id>.<nonce>.<tag>.<ciphertext>` in base64url; the
 * key id is `v1` for `KRING_SECRET_KEY` itself, `f1`, `f2`, … for the flag keys (`flags/flag-box.ts`).
 * Optional associated data binds a sealed text to where it is stored (a row and column), so it
 * cannot be moved to another place unnoticed.
 */
@Injectable()
export class SecretBox {
  /** Made once: building a key object per call was a measurable part of every registration. */
  private readonly key: KeyObject;

  constructor(
    key: Buffer,
    /** Written in front of what it seals; `open` refuses another. */
    readonly keyId = 'v1',
  ) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    if (!/^[a-z][0-9a-z]*$/.test(keyId)) throw new Error('A SecretBox key id is a letter and letters or digits');
    this.key = createSecretKey(key);
  }

  seal(plain: string, associatedData?: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [this.keyId, nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string, associatedData?: string): string {
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== this.keyId || !nonce || !tag || body === undefined) throw new Error('Unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/**
 * The key: KRING_SECRET_KEY when set (required in production); else one kept in the embedded
 * data folder; else (a development server database) a fixed development key.
 */
export function resolveSecretKey(opts: { configured?: string; dataDir?: string }): { key: Buffer; source: string } {
  if (opts.configured) return { key: Buffer.from(opts.configured, 'base64'), source: 'KRING_SECRET_KEY' };
  if (opts.dataDir) {
    const dir = resolve(opts.dataDir);
    const file = join(dir, 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return { key: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), source: file };
  }
  return { key: createHash('sha256').update('kring development key, never for real data').digest(), source: 'development default' };
}
