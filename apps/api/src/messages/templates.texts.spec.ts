import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALES, type Locale } from '@kring/domain';
import { MESSAGES } from './texts';

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
const categories = (locale: Locale): string[] => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

describe('message texts', () => {
  const reference = MESSAGES.nl;

  it.each(LOCALES)('should have exactly the Dutch keys (%s)', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(LOCALES)('should give every message the same arguments, of the same type, as in Dutch (%s)', (locale) => {
    for (const [key, text] of Object.entries(MESSAGES[locale])) {
      const dutch = reference[key as keyof typeof reference];
      expect({ key, args: [...argumentsOf(parse(text, { ignoreTag: true }))].sort() }).toEqual({
        key,
        args: [...argumentsOf(parse(dutch, { ignoreTag: true }))].sort(),
      });
    }
  });

  it.each(LOCALES)('should offer every plural form the language has wherever a message counts (%s)', (locale) => {
    const plurals = (elements: MessageFormatElement[]): string[][] =>
      elements.flatMap((el) =>
        el.type === TYPE.plural
          ? [Object.keys(el.options), ...Object.values(el.options).flatMap((o) => plurals(o.value))]
          : el.type === TYPE.select
            ? Object.values(el.options).flatMap((o) => plurals(o.value))
            : [],
      );
    for (const text of Object.values(MESSAGES[locale]))
      for (const options of plurals(parse(text, { ignoreTag: true }))) expect(options).toEqual(expect.arrayContaining(categories(locale)));
  });
});
