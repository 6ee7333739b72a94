import { describe, expect, it } from 'vitest';
import { jsonNestedDeeperThan, nestedDeeperThan } from './body-depth';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('body depth', () => {
  it('should count arrays and objects inside each other, not brackets in strings', () => {
    expect(jsonNestedDeeperThan(text('{"a":[[1]]}'), 3)).toBe(false);
    expect(jsonNestedDeeperThan(text('{"a":[[[1]]]}'), 3)).toBe(true);
    expect(jsonNestedDeeperThan(text('{"a":"[[[[\\"[[[["}'), 1)).toBe(false);
    expect(jsonNestedDeeperThan(text('[[],[],[],[]]'), 2)).toBe(false);
  });

  it('should walk a parsed value without recursion, however deep', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestedDeeperThan(deep, 32)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: [1, 2] }], c: 'x' }, 4)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: [[1]] }] }, 4)).toBe(true);
    expect(nestedDeeperThan('plain', 0)).toBe(false);
  });
});
