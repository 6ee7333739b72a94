import { expandRecurrence } from '@kring/domain/recurrence';
import type { RepeatSettings } from './repeat-rule';
import { defaultRepeat, fromRule, ordinalOf, toRule } from './repeat-rule';

describe('Repeat rules from the friendly form', () => {
  const tuesday = '2026-12-08';
  const settings = (overrides: Partial<RepeatSettings>): RepeatSettings => ({ ...defaultRepeat(tuesday), ...overrides });

  it.each([
    ['one meeting', settings({ pattern: 'once' }), null],
    ['every week on the first day, ten times', settings({}), 'FREQ=WEEKLY;BYDAY=TU;COUNT=10'],
    [
      'every two weeks on Tuesday and Thursday until a date',
      settings({ interval: 2, weekdays: ['TH', 'TU'], end: 'until', until: '2027-06-30' }),
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270630',
    ],
    [
      'monthly on the 2nd Thursday',
      settings({ pattern: 'monthlyWeekday', ordinal: 2, weekday: 'TH', count: 6 }),
      'FREQ=MONTHLY;BYDAY=2TH;COUNT=6',
    ],
    ['monthly on the last Friday', settings({ pattern: 'monthlyWeekday', ordinal: -1, weekday: 'FR' }), 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=10'],
    ['monthly on the same date', settings({ pattern: 'monthlyDate', count: 3 }), 'FREQ=MONTHLY;BYMONTHDAY=8;COUNT=3'],
  ])('should write %s as an RRULE', (_case, input, rule) => {
    expect(toRule(input, tuesday)).toBe(rule);
  });

  it.each([
    'FREQ=WEEKLY;BYDAY=TU;COUNT=10',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270630',
    'FREQ=MONTHLY;BYDAY=2TH;COUNT=6',
    'FREQ=MONTHLY;BYDAY=-1FR;COUNT=10',
    'FREQ=MONTHLY;BYMONTHDAY=8;COUNT=3',
  ])('should read %s back into the same form', (rule) => {
    const read = fromRule(rule, tuesday);
    expect(read).not.toBeNull();
    expect(toRule(read as RepeatSettings, tuesday)).toBe(rule);
  });

  it.each([
    ['a yearly rule', 'FREQ=YEARLY;BYMONTH=3;COUNT=2'],
    ['set positions', 'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=1;COUNT=4'],
    ['no end', 'FREQ=WEEKLY;BYDAY=TU'],
    ['a date the first meeting is not on', 'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3'],
  ])('should leave %s to be kept as it is', (_case, rule) => {
    expect(fromRule(rule, tuesday)).toBeNull();
  });

  it('should read the demo groups’ rule with an end date and a time in it', () => {
    expect(fromRule('FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T215959Z', '2026-12-10')).toMatchObject({
      pattern: 'weekly',
      weekdays: ['TH'],
      end: 'until',
      until: '2027-06-30',
    });
  });

  it.each([
    ['2026-12-08', 2],
    ['2026-12-01', 1],
    ['2026-12-29', -1],
    ['2026-12-28', 4],
  ])('should know which weekday of the month %s is', (day, ordinal) => {
    expect(ordinalOf(day)).toBe(ordinal);
  });

  it('should give the meetings the preview promises, in Brussels time across the change to summer time', () => {
    const rule = toRule(settings({ pattern: 'monthlyWeekday', ordinal: 2, weekday: 'TU', count: 5 }), tuesday);
    const dates = expandRecurrence(
      { firstStart: `${tuesday}T09:30`, durationMinutes: 90, rule, exceptionDates: [] },
      new Date('2028-01-01'),
    );

    expect(dates.map((d) => d.localStart)).toEqual([
      '2026-12-08T09:30',
      '2027-01-12T09:30',
      '2027-02-09T09:30',
      '2027-03-09T09:30',
      '2027-04-13T09:30',
    ]);
    expect(dates[4].startsAt.toISOString()).toBe('2027-04-13T07:30:00.000Z');
  });
});
