import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { PLANNING_NOW } from './planning-dates';
import { SessionTimePipe } from './session-time.pipe';

describe(SessionTimePipe.name, () => {
  let pipe: SessionTimePipe;
  const tuesday = { startsAt: '2026-12-08T08:30:00.000Z', endsAt: '2026-12-08T10:00:00.000Z' };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideTranslateTesting(), { provide: PLANNING_NOW, useValue: () => new Date('2026-11-28T10:00:00Z') }],
    });
    const translate = TestBed.inject(TranslateService);
    for (const locale of ['en', 'fr', 'nl']) await firstValueFrom(translate.use(locale));
    pipe = TestBed.runInInjectionContext(() => new SessionTimePipe());
  });

  it.each([
    ['nl', 'long', 'dinsdag 8 december, 9.30 tot 11 uur'],
    ['nl', 'time', '9.30 tot 11 uur'],
    ['en', 'long', 'Tuesday 8 December, 9:30 to 11:00'],
    ['fr', 'long', 'mardi 8 décembre, 9 h 30 à 11 h'],
  ] as const)('should say when it happens as people do in %s (%s)', (locale, style, expected) => {
    expect(pipe.transform(tuesday, locale, style)).toBe(expected);
  });

  it('should keep the Brussels clock in summer and say nothing for a missing time', () => {
    expect(pipe.transform({ startsAt: '2026-07-07T17:00:00Z', endsAt: '2026-07-07T18:30:00Z' }, 'nl', 'time')).toBe('19 tot 20.30 uur');
    expect(pipe.transform(null, 'nl')).toBe('');
  });

  it('should add the year only when the session is not this year', () => {
    expect(pipe.transform({ startsAt: '2027-01-05T08:30:00Z', endsAt: '2027-01-05T10:00:00Z' }, 'nl', 'short')).toBe(
      'di 5 jan 2027, 9.30 tot 11 uur',
    );
  });
});
