import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, pickLocalized, textDirection } from './locale';

describe('locale', () => {
  it('should default to Dutch', () => {
    expect(DEFAULT_LOCALE).toBe('nl');
  });

  it.each([
    ['nl', true],
    ['ar', true],
    ['de', false],
    ['', false],
    [undefined, false],
    ['NL', false],
  ])('should say isLocale(%s) is %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });

  it('should write Arabic right to left and the others left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('fr')).toBe('ltr');
  });

  it.each([
    [{ nl: 'Babygroep', en: 'Baby group' }, 'en', { text: 'Baby group', locale: 'en' }],
    [{ nl: 'Babygroep' }, 'fr', { text: 'Babygroep', locale: 'nl' }],
    [{ nl: 'Babygroep', ar: '  ' }, 'ar', { text: 'Babygroep', locale: 'nl' }],
  ] as const)('should pick %j in %s as %j', (text, locale, expected) => {
    expect(pickLocalized(text, locale)).toEqual(expected);
  });

  it.each([
    ['fr', 'fr'],
    ['en-GB', 'en'],
    ['FR-be,fr;q=0.9,nl;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,en;q=0.5,nl;q=0.7', 'nl'],
    ['nl;q=0.2, en', 'en'],
    ['en;q=0, fr;q=0.1', 'fr'],
    ['ar', 'ar'],
    ['de, *;q=0.5', null],
    ['en;q=abc', null],
    ['', null],
    [undefined, null],
  ] as const)('should read Accept-Language %j as %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
