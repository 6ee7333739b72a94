import { describe, expect, it } from 'vitest';
import { expandRecurrence, recurrenceProblems } from './recurrence';
import type { Recurrence } from './recurrence-model';

const weekly = (overrides: Partial<Recurrence> = {}): Recurrence => ({
  firstStart: '2026-03-03T09:30',
  durationMinutes: 90,
  rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12',
  exceptionDates: [],
  ...overrides,
});
const far = new Date('2030-01-01T00:00:00Z');
const iso = (d: Date): string => d.toISOString();

describe('expandRecurrence', () => {
  it('should keep 09:30 at 09:30 across the last Sunday of March (UTC+1 → UTC+2)', () => {
    const occ = expandRecurrence(weekly({ rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', firstStart: '2026-03-24T09:30' }), far);
    expect(occ.map((o) => o.localStart)).toEqual(['2026-03-24T09:30', '2026-03-31T09:30', '2026-04-07T09:30']);
    expect(occ.map((o) => iso(o.startsAt))).toEqual(['2026-03-24T08:30:00.000Z', '2026-03-31T07:30:00.000Z', '2026-04-07T07:30:00.000Z']);
  });

  it('should keep 09:30 at 09:30 across the last Sunday of October (UTC+2 → UTC+1)', () => {
    const occ = expandRecurrence(weekly({ rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2', firstStart: '2026-10-20T09:30' }), far);
    expect(occ.map((o) => iso(o.startsAt))).toEqual(['2026-10-20T07:30:00.000Z', '2026-10-27T08:30:00.000Z']);
    expect(occ.map((o) => iso(o.endsAt))).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-27T10:00:00.000Z']);
  });

  it('should keep a Sunday meeting on the night of the change at its wall-clock time', () => {
    const occ = expandRecurrence(
      weekly({ firstStart: '2026-03-22T10:00', rule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2', durationMinutes: 60 }),
      far,
    );
    expect(occ.map((o) => iso(o.startsAt))).toEqual(['2026-03-22T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
  });

  it('should skip exactly one occurrence per exception date (and count it, as RFC 5545 does)', () => {
    const occ = expandRecurrence(weekly({ rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4', exceptionDates: ['2026-03-10'] }), far);
    expect(occ.map((o) => o.localDate)).toEqual(['2026-03-03', '2026-03-17', '2026-03-24']);
  });

  it('should skip two exception dates and leave the rest', () => {
    const occ = expandRecurrence(
      weekly({ firstStart: '2026-09-01T09:30', rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117', exceptionDates: ['2026-10-27', '2026-11-03'] }),
      far,
    );
    expect(occ.map((o) => o.localDate)).toEqual([
      '2026-09-01',
      '2026-09-08',
      '2026-09-15',
      '2026-09-22',
      '2026-09-29',
      '2026-10-06',
      '2026-10-13',
      '2026-10-20',
      '2026-11-10',
      '2026-11-17',
    ]);
  });

  it('should include a meeting on the UNTIL date itself', () => {
    const occ = expandRecurrence(weekly({ firstStart: '2026-06-02T19:00', rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260616' }), far);
    expect(occ.map((o) => o.localDate)).toEqual(['2026-06-02', '2026-06-09', '2026-06-16']);
  });

  it('should meet on 29 February only in leap years', () => {
    const occ = expandRecurrence(weekly({ firstStart: '2028-02-29T10:00', rule: 'FREQ=YEARLY;COUNT=2' }), new Date('2040-01-01T00:00:00Z'));
    expect(occ.map((o) => o.localDate)).toEqual(['2028-02-29', '2032-02-29']);
  });

  it('should end a series by count', () => {
    const occ = expandRecurrence(weekly({ firstStart: '2026-01-08T20:00', rule: 'FREQ=MONTHLY;BYDAY=2TH;COUNT=5' }), far);
    expect(occ.map((o) => o.localDate)).toEqual(['2026-01-08', '2026-02-12', '2026-03-12', '2026-04-09', '2026-05-14']);
  });

  it('should stop at the horizon and start at `from`', () => {
    const occ = expandRecurrence(weekly(), new Date('2026-03-20T00:00:00Z'), new Date('2026-03-05T00:00:00Z'));
    expect(occ.map((o) => o.localDate)).toEqual(['2026-03-10', '2026-03-17']);
  });

  it('should give a single meeting without a rule', () => {
    const occ = expandRecurrence(weekly({ rule: null, firstStart: '2026-05-20T19:30' }), far);
    expect(occ).toHaveLength(1);
    expect(iso(occ[0].startsAt)).toBe('2026-05-20T17:30:00.000Z');
  });
});

describe('recurrenceProblems', () => {
  it.each([
    [{}, []],
    [{ rule: 'FREQ=FORTNIGHTLY;COUNT=2' }, [{ field: 'rule', problem: 'invalid_rule' }]],
    [{ rule: 'FREQ=WEEKLY;BYDAY=XX;COUNT=2' }, [{ field: 'rule', problem: 'invalid_rule' }]],
    [{ rule: 'FREQ=HOURLY;COUNT=2' }, [{ field: 'rule', problem: 'invalid_rule' }]],
    [{ rule: 'FREQ=WEEKLY;BYDAY=TU\nDTSTART:20260101' }, [{ field: 'rule', problem: 'invalid_rule' }]],
    [{ rule: 'FREQ=WEEKLY;BYDAY=TU' }, [{ field: 'rule', problem: 'no_end' }]],
    [{ rule: 'FREQ=WEEKLY;UNTIL=20260101' }, [{ field: 'rule', problem: 'ends_before_start' }]],
    [{ durationMinutes: 13 * 60 }, [{ field: 'durationMinutes', problem: 'too_long' }]],
    [{ durationMinutes: 0 }, [{ field: 'durationMinutes', problem: 'too_short' }]],
    [{ firstStart: '2026-02-30T09:30' }, [{ field: 'firstStart', problem: 'invalid_start' }]],
    [{ firstStart: '3 maart' }, [{ field: 'firstStart', problem: 'invalid_start' }]],
    [{ exceptionDates: ['2026-13-01'] }, [{ field: 'exceptionDates', problem: 'invalid_exception_date' }]],
  ] as const)('should find in %j: %j', (overrides, expected) => {
    expect(recurrenceProblems(weekly(overrides as Partial<Recurrence>))).toEqual(expected);
  });
});
