import { hkdfSync } from 'node:crypto';
import { SecretBox } from '../common/secret-box';

/** Derives flag key `f<version>` from the master key (KRING_SECRET_KEY): HKDF-SHA256, info "kring flags v<version>". */
export function flagKey(master: Buffer, version: number): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `kring flags v${version}`, 32));
}

/**
 * Seals flag text under the flag key, never the key of other secrets: sealed form
 * `f<version>.<nonce>.<tag>.<ciphertext>`. New text goes under the current version; older
 * versions still open, until `npm run flags:rotate-key` has re-sealed them. Each sealed text is
 * bound to its place (`where`: table, row and column), so it cannot be moved to another row.
 */
export class FlagBox {
  private readonly boxes = new Map<string, SecretBox>();
  readonly currentKeyId: string;

  constructor(master: Buffer, currentVersion = 1) {
    if (!Number.isInteger(currentVersion) || currentVersion < 1) throw new Error('The flag key version is a whole number from 1');
    for (let v = 1; v <= currentVersion; v++) this.boxes.set(`f${v}`, new SecretBox(flagKey(master, v), `f${v}`));
    this.currentKeyId = `f${currentVersion}`;
  }

  seal(plain: string, where: string): string {
    return this.box(this.currentKeyId).seal(plain, where);
  }

  sealOrNull(plain: string | null | undefined, where: string): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.seal(plain, where);
  }

  open(sealed: string, where: string): string {
    return this.box(keyIdOf(sealed)).open(sealed, where);
  }

  openOrNull(sealed: string | null, where: string): string | null {
    return sealed === null ? null : this.open(sealed, where);
  }

  /** Whether `sealed` is under an older key than the current one (the rotation re-seals it). */
  isStale(sealed: string): boolean {
    return keyIdOf(sealed) !== this.currentKeyId;
  }

  private box(keyId: string): SecretBox {
    const box = this.boxes.get(keyId);
    if (!box) throw new Error(`No flag key ${keyId} (is KRING_FLAG_KEY_VERSION lower than before?)`);
    return box;
  }
}

export function keyIdOf(sealed: string): string {
  return sealed.slice(0, sealed.indexOf('.'));
}

/** Where a sealed text lives, bound into its seal. */
export const sealedAt = {
  flag: (id: string, column: string): string => `flag:${id}:${column}`,
  amendment: (id: string): string => `flag_amendment:${id}:text_enc`,
  transition: (id: string): string => `flag_transition:${id}:rationale_enc`,
};
