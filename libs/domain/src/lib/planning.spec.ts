import { describe, expect, it } from 'vitest';
import { startRefused } from './planning';

describe('startRefused', () => {
  const now = new Date('2027-03-10T12:00:00Z');

  it('should refuse a start at or before now', () => {
    expect(startRefused(new Date('2027-03-10T11:59:00Z'), now, false)).toBe(true);
    expect(startRefused(now, now, false)).toBe(true);
  });

  it('should accept a start still ahead', () => {
    expect(startRefused(new Date('2027-03-10T12:01:00Z'), now, false)).toBe(false);
  });

  it('should accept a past start when it is a correction', () => {
    expect(startRefused(new Date('2027-03-01T09:00:00Z'), now, true)).toBe(false);
  });
});
