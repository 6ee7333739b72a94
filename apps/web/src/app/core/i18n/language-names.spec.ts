import { languageName } from './language-names';

describe(languageName.name, () => {
  it.each([
    ['nl', 'nl', 'Nederlands'],
    ['ar', 'nl', 'Arabisch'],
    ['nl', 'en', 'Dutch'],
    ['fr', 'en', 'French'],
    ['nl', 'fr', 'néerlandais'],
  ])('should name %s in %s as %s', (code, inLocale, expected) => {
    expect(languageName(code, inLocale)).toBe(expected);
  });

  it('should return the code when the code is not a language', () => {
    expect(languageName('not a code', 'nl')).toBe('not a code');
  });
});
