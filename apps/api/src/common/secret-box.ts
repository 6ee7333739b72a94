import { createCipheriv, createDecipheriv, createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';

/**
 * Encrypts small secrets at rest (AES-256-GCM, a fresh nonce each time, versioned so the key
 * can be rotated later). Stored form: `v1.<nonce>.<tag>.<ciphertext>` in base64url.
 */
@Injectable()
export class SecretBox {
  /** Made once: building a key object per call was a measurable part of every registration. */
  private readonly key: KeyObject;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.key = createSecretKey(key);
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string): string {
    const [version, nonce, tag, body] = sealed.split('.');
    if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('Unreadable sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
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
