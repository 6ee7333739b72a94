import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { DateTimePipe } from './date-time.pipe';
import { useClockAt } from '../../../testing/clock';

describe(DateTimePipe.name, () => {
  // Its dates are this year's and ahead of this clock, whatever day the tests run on.
  useClockAt('2026-11-28T12:00:00Z');

  let pipe: DateTimePipe;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting(), DateTimePipe] });
    const translate = TestBed.inject(TranslateService);
    await firstValueFrom(translate.use('en'));
    await firstValueFrom(translate.use('fr'));
    await firstValueFrom(translate.use('nl'));
    pipe = TestBed.inject(DateTimePipe);
  });

  const AT = '2026-11-30T10:30:00.000Z';
  const ON_THE_HOUR = '2026-11-30T09:00:00.000Z';

  it.each([
    ['nl', AT, 'maandag 30 november om 11.30 uur'],
    ['nl', ON_THE_HOUR, 'maandag 30 november om 10 uur'],
    ['en', AT, 'Monday 30 November at 11:30'],
    ['fr', AT, 'lundi 30 novembre à 11 h 30'],
  ])('should say the moment as people do in %s, in Brussels time', (locale, value, expected) => {
    expect(pipe.transform(value, locale)).toBe(expected);
  });

  it('should be short in tables', () => {
    expect(pipe.transform(AT, 'nl', 'short')).toBe('ma 30 nov, 11.30 uur');
  });

  it('should show nothing for no date or a broken one', () => {
    expect(pipe.transform(null, 'nl')).toBe('');
    expect(pipe.transform('not a date', 'nl')).toBe('');
  });
});
