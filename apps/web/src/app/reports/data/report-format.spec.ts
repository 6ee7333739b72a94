import { chartValue, lastTwelveMonths, monthLabel } from './report-format';

describe('report format', () => {
  it('should take the twelve months up to this one, in Brussels time', () => {
    expect(lastTwelveMonths(new Date('2026-12-31T23:30:00Z'))).toEqual({ from: '2026-02', to: '2027-01' }); // 00:30 on 1 January in Brussels
    expect(lastTwelveMonths(new Date('2026-03-15T10:00:00Z'))).toEqual({ from: '2025-04', to: '2026-03' });
  });

  it('should name a month in the language of the screen', () => {
    expect(monthLabel('2026-03', 'nl', 'long')).toBe('maart 2026');
    expect(monthLabel('2026-03', 'fr', 'long')).toBe('mars 2026');
    expect(monthLabel('2026-03', 'en', 'long')).toBe('March 2026');
  });

  it('should never draw a suppressed count', () => {
    expect([7, 0, '< 5', 'x'].map((c) => chartValue(c as never))).toEqual([7, 0, null, null]);
  });
});
