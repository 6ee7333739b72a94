import { addDays, addMonths, clockOf, dayOf, daysBetween, isDay, monthGrid, periodOf, weekStart, weekdayOf } from './planning-dates';

describe('Planning days', () => {
  it('should take the Brussels day of a moment, also just after midnight in summer', () => {
    expect(dayOf(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(dayOf('2026-12-08T22:59:00Z')).toBe('2026-12-08');
    expect(dayOf('2026-12-08T23:00:00Z')).toBe('2026-12-09');
  });

  it('should count days across months, years and the change to summer time', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-12-07', 0, '2026-12-07'],
    ['2026-12-09', 2, '2026-12-07'],
    ['2026-12-13', 6, '2026-12-07'],
    ['2027-01-01', 4, '2026-12-28'],
  ])('should start the week of %s on Monday', (day, weekday, monday) => {
    expect(weekdayOf(day)).toBe(weekday);
    expect(weekStart(day)).toBe(monday);
  });

  it('should cover a month with whole weeks from Monday to Sunday', () => {
    const december = monthGrid('2026-12-17');
    expect(december[0]).toBe('2026-11-30');
    expect(december[december.length - 1]).toBe('2027-01-03');
    expect(december).toHaveLength(35);
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthGrid('2027-02-10')).toHaveLength(28);
    expect(addMonths('2026-12-17', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
  });

  it('should ask the API for whole Brussels days', () => {
    expect(periodOf('2026-12-07', '2026-12-14')).toEqual({ from: '2026-12-06T23:00:00.000Z', to: '2026-12-13T23:00:00.000Z' });
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('should read the Brussels clock and recognise real days only', () => {
    expect(clockOf('2026-07-01T07:05:00Z')).toBe('09:05');
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('morgen')).toBe(false);
  });
});

describe('Planning names', () => {
  it('should name weekdays from Monday and months in the page language', async () => {
    const { monthName, weekdayNames } = await import('./planning-dates');
    expect(weekdayNames('nl')[1]).toBe('dinsdag');
    expect(weekdayNames('fr', 'long')[6]).toBe('dimanche');
    expect(monthName('2026-12-08', 'nl')).toBe('december 2026');
  });
});
