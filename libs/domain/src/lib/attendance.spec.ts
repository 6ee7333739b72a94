import { describe, expect, it } from 'vitest';
import {
  attendanceEditableUntil,
  centreDay,
  isTallyCategory,
  isValidTallyTap,
  markAllowedNow,
  missedTwiceInARow,
  sessionDayReached,
  syncOpShapeProblem,
} from './attendance';

describe('attendance rules', () => {
  it.each([
    [['absent', 'absent'], true],
    [['absent', 'absent', 'present'], true],
    [['absent', 'excused'], false],
    [['present', 'absent', 'absent'], false],
    [['absent'], false],
    [['absent', null], false],
  ] as const)('should see %j as missed twice without notice: %s', (history, expected) => {
    expect(missedTwiceInARow(history)).toBe(expected);
  });

  it('should take taps until the end of the edit period, or of a later unlock', () => {
    const end = new Date('2026-03-03T11:00:00Z');
    expect(attendanceEditableUntil(end, 7, null)).toEqual(new Date('2026-03-10T11:00:00Z'));
    expect(attendanceEditableUntil(end, 7, new Date('2026-04-01T00:00:00Z'))).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(attendanceEditableUntil(end, 7, new Date('2026-03-04T00:00:00Z'))).toEqual(new Date('2026-03-10T11:00:00Z'));
  });

  it.each([
    ['adults', true],
    ['children_0_1', true],
    ['lang:ar', true],
    ['lang:Arabic', false],
    ['teenagers', false],
  ])('should know %s as a tally category: %s', (value, ok) => {
    expect(isTallyCategory(value)).toBe(ok);
  });

  it.each([
    [{ category: 'adults', delta: 1 }, true],
    [{ category: 'lang:ar', delta: -3 }, true],
    [{ category: 'adults', delta: 100 }, true],
    [{ category: 'adults', delta: 0 }, false],
    [{ category: 'adults', delta: 1.5 }, false],
    [{ category: 'adults', delta: -101 }, false],
    [{ category: 'teenagers', delta: 1 }, false],
  ])('should take the count tap %j: %s', (tap, ok) => {
    expect(isValidTallyTap(tap)).toBe(ok);
  });

  describe('the shape of a tap from a phone', () => {
    const id = '0b6f3c1e-8f0a-4c3e-9d2b-1a2b3c4d5e6f';
    const sessionId = '1c7a4d2f-9a1b-4d4f-8e3c-2b3c4d5e6f70';
    const familyId = '2d8b5e3a-0b2c-4e5a-9f4d-3c4d5e6f7081';
    const at = '2026-03-03T10:00:00Z';

    it.each([
      { id, kind: 'attendance', sessionId, familyId, status: 'present', at },
      { id, kind: 'attendance', sessionId, familyId, status: 'maybe', at }, // refused on its merits, not its shape
      { id, kind: 'tally', sessionId, category: 'adults', delta: 1, at },
      { id, kind: 'walk_in', sessionId, familyId, displayName: 'Chaima', at },
      { id, kind: 'walk_in', sessionId, familyId, displayName: 'Chaima', phone: '0470 12 34 56', childMonth: '2025-11', at },
    ])('should take %j as it is', (op) => {
      expect(syncOpShapeProblem(op)).toBeNull();
    });

    it.each([
      [{ id: 'not-a-uuid', kind: 'tally', sessionId, category: 'adults', delta: 1, at }, 'an id made on the phone'],
      [{ id, kind: 'note', sessionId, at }, 'attendance, a count or a walk-in'],
      [{ id, kind: 'tally', sessionId: 'x', category: 'adults', delta: 1, at }, 'the id of its session'],
      [{ id, kind: 'tally', sessionId, category: 'adults', delta: 1, at: 'yesterday' }, 'the time it was made'],
      [{ id, kind: 'attendance', sessionId, status: 'present', at }, 'the family’s id'],
      [{ id, kind: 'tally', sessionId, category: 'adults', delta: '1', at }, 'a category and a number'],
      [{ id, kind: 'attendance', sessionId, familyId, at }, 'needs a status'],
      [{ id, kind: 'walk_in', sessionId, familyId, displayName: 'Chaima', phone: 470, at }, 'a first name'],
    ])('should say what is wrong with %j', (op, words) => {
      expect(syncOpShapeProblem(op)).toContain(words);
    });
  });

  describe('marking before the session’s day', () => {
    // Thursday 10 December 2026, 9.30 in Brussels (UTC+1).
    const start = new Date('2026-12-10T08:30:00Z');

    it('should know the day on the centre’s clocks, not the device’s', () => {
      expect(centreDay(new Date('2026-12-09T22:59:00Z'))).toBe('2026-12-09');
      expect(centreDay(new Date('2026-12-09T23:00:00Z'))).toBe('2026-12-10'); // midnight in Brussels
      expect(centreDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01'); // summer time: UTC+2
    });

    it.each([
      ['2026-12-05T10:00:00Z', false], // five days ahead
      ['2026-12-09T22:59:00Z', false], // the evening before, in Brussels
      ['2026-12-09T23:00:00Z', true], // midnight in Brussels: the session's day
      ['2026-12-10T08:00:00Z', true], // before it starts, that morning
      ['2026-12-14T10:00:00Z', true], // days after (the edit period decides then)
    ])('at %s, present and absent can be marked: %s', (now, open) => {
      expect(sessionDayReached(start, new Date(now))).toBe(open);
      expect(markAllowedNow('present', start, new Date(now))).toBe(open);
      expect(markAllowedNow('absent', start, new Date(now))).toBe(open);
    });

    it('should take "excused" ahead: a family may let us know days before', () => {
      expect(markAllowedNow('excused', start, new Date('2026-12-01T10:00:00Z'))).toBe(true);
    });
  });
});
