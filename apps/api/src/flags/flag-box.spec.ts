import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../common/secret-box';
import { FlagBox, flagKey, keyIdOf } from './flag-box';

describe(FlagBox.name, () => {
  const master = randomBytes(32);

  it('should seal under its own key id, bound to where the text is kept', () => {
    const box = new FlagBox(master);
    const sealed = box.seal('Mama slaapt slecht', 'flag:1:fact_enc');
    expect(keyIdOf(sealed)).toBe('f1');
    expect(sealed).not.toContain('Mama');
    expect(box.open(sealed, 'flag:1:fact_enc')).toBe('Mama slaapt slecht');
    expect(() => box.open(sealed, 'flag:2:fact_enc')).toThrow();
  });

  it('should not open with the key of other secrets, nor they with the flag key', () => {
    const box = new FlagBox(master);
    const other = new SecretBox(master);
    expect(flagKey(master, 1).equals(master)).toBe(false);
    expect(() => other.open(box.seal('x', 'w'))).toThrow();
    expect(() => box.open(other.seal('x'), 'w')).toThrow();
    // Other secrets keep their form.
    expect(other.seal('x').startsWith('v1.')).toBe(true);
  });

  it('should open older keys after a rotation, seal new text under the new one, and never under a key it lacks', () => {
    const v1 = new FlagBox(master, 1);
    const v2 = new FlagBox(master, 2);
    const old = v1.seal('eerder', 'w');
    expect(v2.open(old, 'w')).toBe('eerder');
    expect(v2.isStale(old)).toBe(true);
    const fresh = v2.seal('nu', 'w');
    expect(keyIdOf(fresh)).toBe('f2');
    expect(v2.isStale(fresh)).toBe(false);
    expect(() => v1.open(fresh, 'w')).toThrow(/No flag key f2/);
    expect(() => new FlagBox(randomBytes(32), 2).open(fresh, 'w')).toThrow();
  });
});
