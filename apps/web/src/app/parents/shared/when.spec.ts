import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { brusselsIsoWeekday, capitalize, dayPhrase, monthName } from './when';
import { WhenPipe } from './when.pipe';

// Saturday 28 November 2026, 11.00 in Brussels.
const NOW = new Date('2026-11-28T10:00:00Z');

describe(dayPhrase.name, () => {
  it.each([
    ['later the same day', '2026-11-28T18:00:00Z', 'parents.when.today'],
    ['the next day, just after midnight in Brussels', '2026-11-28T23:30:00Z', 'parents.when.tomorrow'],
    ['within a week', '2026-12-03T08:30:00Z', 'parents.when.next'],
    ['a week or more ahead', '2026-12-05T08:30:00Z', 'parents.when.date'],
  ])('should say the day as people do when the meeting is %s', (_case, at, key) => {
    expect(dayPhrase(new Date(at), 'nl', NOW).key).toBe(key);
  });

  it('should name the weekday and the date in the page language', () => {
    expect(dayPhrase(new Date('2026-12-03T08:30:00Z'), 'nl', NOW).params).toEqual({
      weekday: 'donderdag',
      dayMonth: '3 december',
    });
    expect(dayPhrase(new Date('2027-01-07T08:30:00Z'), 'fr', NOW).params).toEqual({
      weekday: 'jeudi',
      dayMonth: '7 janvier 2027',
    });
  });

  it('should keep Western digits in Arabic so a date never mixes two kinds of digits', () => {
    expect(dayPhrase(new Date('2026-12-10T08:30:00Z'), 'ar', NOW).params?.['dayMonth']).toMatch(/^10 /);
  });
});

describe(brusselsIsoWeekday.name, () => {
  it('should count the day in Brussels, not in UTC', () => {
    // Sunday 23.30 UTC is already Monday in Brussels.
    expect(brusselsIsoWeekday(new Date('2026-11-29T23:30:00Z'))).toBe(1);
    expect(brusselsIsoWeekday(new Date('2026-12-03T08:30:00Z'))).toBe(4);
  });
});

describe(monthName.name, () => {
  it('should name a month in the page language', () => {
    expect(monthName(5, 'nl')).toBe('mei');
    expect(monthName(12, 'en')).toBe('December');
  });
});

describe(capitalize.name, () => {
  it('should only raise the first letter', () => {
    expect(capitalize('volgende donderdag')).toBe('Volgende donderdag');
    expect(capitalize('')).toBe('');
  });
});

describe(WhenPipe.name, () => {
  let whenPipe: WhenPipe;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), WhenPipe] });
    // The page only shows a language once its words are loaded.
    TestBed.inject(TranslateService).use('en').subscribe();
    TestBed.inject(TranslateService).use('nl').subscribe();
    whenPipe = TestBed.inject(WhenPipe);
  });
  const pipe = () => whenPipe;

  beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('should say a meeting next week as "Volgende donderdag 3 december, 9.30 tot 11 uur" in Dutch', () => {
    expect(pipe().transform('2026-12-03T08:30:00Z', '2026-12-03T10:00:00Z', 'nl')).toBe('Volgende donderdag 3 december, 9.30 tot 11 uur');
  });

  it('should say a start alone with "uur", and keep lower case inside a sentence', () => {
    expect(pipe().transform('2026-11-29T11:00:00Z', null, 'nl', false)).toBe('morgen, 12 uur');
  });

  it('should follow the language it is given', () => {
    expect(pipe().transform('2026-12-10T08:30:00Z', '2026-12-10T10:00:00Z', 'en')).toBe('Thursday 10 December, 9:30 to 11:00');
  });

  it('should give nothing for a missing or broken date', () => {
    expect(pipe().transform(null, null, 'nl')).toBe('');
    expect(pipe().transform('not a date', null, 'nl')).toBe('');
  });
});
