import { brusselsDayStart, brusselsWallClock, clockTime, formatDay, nextDay, waitInWords } from './date-time';

describe('Brussels dates and times', () => {
  it('should read the Brussels clock in winter and in summer', () => {
    expect(brusselsWallClock(new Date('2026-01-15T08:30:00Z'))).toEqual({ year: 2026, month: 1, day: 15, hour: 9, minute: 30 });
    expect(brusselsWallClock(new Date('2026-07-15T08:30:00Z'))).toMatchObject({ hour: 10, minute: 30 });
  });

  it.each([
    ['nl', 'maandag 30 november'],
    ['en', 'Monday 30 November'],
    ['fr', 'lundi 30 novembre'],
  ])('should say the day as people do in %s', (locale, expected) => {
    expect(formatDay(new Date('2026-11-30T10:30:00Z'), locale, 'long', new Date('2026-11-28T10:00:00Z'))).toBe(expected);
  });

  it('should add the year only when it is not this year', () => {
    expect(formatDay(new Date('2027-01-04T10:00:00Z'), 'nl', 'long', new Date('2026-12-30T10:00:00Z'))).toBe('maandag 4 januari 2027');
  });

  it('should give hours without a leading zero and minutes with one', () => {
    expect(clockTime(new Date('2026-11-30T08:05:00Z'))).toEqual({ hour: '9', minute: '05' });
  });

  it('should start a day at Brussels midnight, also across summer time', () => {
    expect(brusselsDayStart('2026-11-28')).toBe('2026-11-27T23:00:00.000Z');
    expect(brusselsDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it.each([
    [30, 'nl', '30 seconden'],
    [1, 'nl', '1 seconde'],
    [61, 'nl', '2 minuten'],
    [60, 'en', '1 minute'],
    [900, 'fr', '15 minutes'],
    [0, 'nl', '1 seconde'],
  ])('should say a wait of %i seconds in words (%s)', (seconds, locale, expected) => {
    expect(waitInWords(seconds, locale)).toBe(expected);
  });
});
