import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '@kring/domain';
import { MESSAGES } from './texts';
import { STAFF_MESSAGES } from './texts/staff';

/** Every ICU argument of a message as "name:type", and for a select or plural its option keys. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(`${el.value}:${TYPE[el.type]}`);
    if (el.type === TYPE.select) {
      into.add(`${el.value} options:${Object.keys(el.options).sort().join(',')}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.plural) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** The plural categories a locale's cardinal numbers use (nl/en: one, other; fr also many; ar: all six). */
const categories = (locale: string): string[] => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

/** The families' texts (four languages) and staff's (three); Dutch is the reference of each. */
const TABLES: Record<string, Record<string, Record<string, string>>> = { families: MESSAGES, staff: STAFF_MESSAGES };
const every = Object.entries(TABLES).flatMap(([table, locales]) => Object.keys(locales).map((locale) => [table, locale] as const));

const plurals = (elements: MessageFormatElement[]): string[][] =>
  elements.flatMap((el) =>
    el.type === TYPE.plural
      ? [Object.keys(el.options), ...Object.values(el.options).flatMap((o) => plurals(o.value))]
      : el.type === TYPE.select
        ? Object.values(el.options).flatMap((o) => plurals(o.value))
        : [],
  );

describe('message texts', () => {
  it("should have the families' texts in every language parents use", () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(every)('should have exactly the Dutch keys (%s, %s)', (table, locale) => {
    expect(Object.keys(TABLES[table][locale]).sort()).toEqual(Object.keys(TABLES[table].nl).sort());
  });

  it.each(every)('should give every message the same arguments, of the same type, as in Dutch (%s, %s)', (table, locale) => {
    const reference = TABLES[table].nl;
    for (const [key, text] of Object.entries(TABLES[table][locale])) {
      expect({ key, args: [...argumentsOf(parse(text, { ignoreTag: true }))].sort() }).toEqual({
        key,
        args: [...argumentsOf(parse(reference[key] ?? '', { ignoreTag: true }))].sort(),
      });
    }
  });

  it.each(every)('should offer every plural form the language has wherever a message counts (%s, %s)', (table, locale) => {
    for (const text of Object.values(TABLES[table][locale]))
      for (const options of plurals(parse(text, { ignoreTag: true }))) expect(options).toEqual(expect.arrayContaining(categories(locale)));
  });

  // No message counts anything yet; the first that does gets these forms (French says "0 fois" like "1 fois").
  it.each([
    ['nl', { 0: 'other', 1: 'one', 2: 'other', 5: 'other' }],
    ['en', { 0: 'other', 1: 'one', 2: 'other', 5: 'other' }],
    ['fr', { 0: 'one', 1: 'one', 2: 'other', 5: 'other' }],
    ['ar', { 0: 'zero', 1: 'one', 2: 'two', 3: 'few', 11: 'many', 100: 'other' }],
  ] as const)('should pick the plural form the language says for 0, 1, 2 and on (%s)', (locale, expected) => {
    const message = new IntlMessageFormat(
      '{count, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}',
      locale,
      undefined,
      { ignoreTag: true },
    );
    const said = Object.fromEntries(Object.keys(expected).map((n) => [n, message.format({ count: Number(n) })]));
    expect(said).toEqual(expected);
  });
});
