import { TestBed } from '@angular/core/testing';
import { provideTranslateTesting } from '../../../testing/translate-testing';
import { FieldErrorPipe } from './field-error.pipe';

describe(FieldErrorPipe.name, () => {
  let pipe: FieldErrorPipe;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting()] });
    pipe = TestBed.runInInjectionContext(() => new FieldErrorPipe());
  });

  it.each([
    ['the field’s own message', { endBeforeStart: true }, 'Het einduur moet na het beginuur komen.'],
    ['the API’s reason for this field', { server: 'too_short' }, 'Een bijeenkomst duurt minstens 5 minuten.'],
    ['a general message for the kind of error', { wholeNumber: true }, 'Vul een heel getal in, zonder komma.'],
    ['a general message for an API code', { server: 'out_of_range' }, 'Dit getal kan hier niet.'],
    ['a kind fallback for anything else', { somethingNew: true }, 'Dit klopt nog niet. Kijk het even na.'],
    ['nothing when the field is fine', null, ''],
  ])('should give %s', (_case, errors, expected) => {
    expect(pipe.transform(errors, 'planning.group.errors.endTime', 'nl')).toBe(expected);
  });
});
