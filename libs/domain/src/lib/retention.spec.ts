import { describe, expect, it } from 'vitest';
import { familyDue, monthsBefore } from './retention';

describe('retention', () => {
  it.each([
    ['2026-12-08T00:00:00Z', 24, '2024-12-08T00:00:00.000Z'],
    ['2026-03-31T10:00:00Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2028-03-31T10:00:00Z', 1, '2028-02-29T10:00:00.000Z'],
    ['2026-01-15T08:30:00Z', 12, '2025-01-15T08:30:00.000Z'],
  ])('should count %s back %i calendar months to %s', (now, months, expected) => {
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected);
  });

  it('should make a family due only once the whole period has passed since it was last seen', () => {
    const lastSeen = new Date('2024-12-08T09:00:00Z');
    expect(familyDue(lastSeen, new Date('2026-12-08T08:59:59Z'), 24)).toBe(false);
    expect(familyDue(lastSeen, new Date('2026-12-08T09:00:00Z'), 24)).toBe(false);
    expect(familyDue(lastSeen, new Date('2026-12-08T09:00:01Z'), 24)).toBe(true);
  });
});
