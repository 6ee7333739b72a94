import type { Locale } from './locale';
import en from './labelling-words/en.json';
import fr from './labelling-words/fr.json';
import nl from './labelling-words/nl.json';

/**
 * Gentle writing help for flags: words that label a family ("risicogezin", "slechte moeder") instead
 * of describing what was seen. The web shows a calm hint when the text holds one; it never blocks
 * saving, and the API does not look. The lists are data, one file per staff language
 * (`labelling-words/{nl,en,fr}.json`), so they can grow without touching code.
 */
export const LABELLING_WORDS: Readonly<Record<'nl' | 'en' | 'fr', readonly string[]>> = { nl: nl.words, en: en.words, fr: fr.words };

/** Lower case, accents off, every run of spaces one space: "Négligence" and "negligence" match alike. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Matcher {
  word: string;
  pattern: RegExp;
}

const MATCHERS = new Map<string, Matcher[]>();

function matchersFor(locale: 'nl' | 'en' | 'fr'): Matcher[] {
  let list = MATCHERS.get(locale);
  if (!list) {
    // A whole word or phrase: no letter or digit right before or after ("aandachtsverwaarlozing" is not "verwaarlozing").
    list = LABELLING_WORDS[locale].map((word) => ({
      word,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(word))}(?![\\p{L}\\p{N}])`, 'u'),
    }));
    MATCHERS.set(locale, list);
  }
  return list;
}

/**
 * The labelling words of `locale`'s list found in `text` (whole words, case and accents ignored),
 * each once, as the list writes them. Locales without a list of their own (Arabic: no staff
 * screens) use the Dutch one.
 */
export function labellingHints(text: string, locale: Locale): string[] {
  if (!text) return [];
  const folded = fold(text);
  const list = locale === 'en' || locale === 'fr' ? locale : 'nl';
  return matchersFor(list)
    .filter((m) => m.pattern.test(folded))
    .map((m) => m.word);
}
