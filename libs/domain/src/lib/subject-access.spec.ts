import { describe, expect, it } from 'vitest';
import { isSubjectAccessOverdue, subjectAccessDueAt } from './subject-access';

describe('subject access due date', () => {
  const due = (iso: string) => subjectAccessDueAt(new Date(iso)).toISOString();

  it('is the same day and time one month later', () => {
    expect(due('2026-03-15T09:30:00.000Z')).toBe('2026-04-15T09:30:00.000Z');
  });
  it('is the last day of a shorter month', () => {
    expect(due('2026-01-31T10:00:00.000Z')).toBe('2026-02-28T10:00:00.000Z');
    expect(due('2028-01-31T10:00:00.000Z')).toBe('2028-02-29T10:00:00.000Z');
    expect(due('2026-03-31T10:00:00.000Z')).toBe('2026-04-30T10:00:00.000Z');
  });
  it('crosses the year', () => {
    expect(due('2026-12-31T23:00:00.000Z')).toBe('2027-01-31T23:00:00.000Z');
  });
  it('is overdue only when open and past due', () => {
    const at = new Date('2026-04-15T09:30:00.000Z');
    expect(isSubjectAccessOverdue(at, null, new Date('2026-04-15T09:30:00.000Z'))).toBe(false);
    expect(isSubjectAccessOverdue(at, null, new Date('2026-04-15T09:30:01.000Z'))).toBe(true);
    expect(isSubjectAccessOverdue(at, new Date('2026-04-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'))).toBe(false);
  });
});
