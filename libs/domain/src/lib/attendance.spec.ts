import { describe, expect, it } from 'vitest';
import { attendanceEditableUntil, isTallyCategory, missedTwiceInARow } from './attendance';

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
});
