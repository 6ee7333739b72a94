import type { Locale } from '@kring/domain';
import { labellingHints } from '@kring/domain';

/**
 * The labelling words in a text ("risicogezin", "slechte moeder", …; a list per language in
 * libs/domain), for a calm writing hint. Never a reason to refuse saving.
 */
export function labellingWords(text: string, locale: Locale): string[] {
  return text.trim() ? labellingHints(text, locale) : [];
}
