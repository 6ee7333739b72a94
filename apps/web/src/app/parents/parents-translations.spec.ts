import { ErrorCode, NEEDS, RegistrationStatus } from '@kring/domain';
import coreAr from '../../../public/i18n/ar.json';
import coreNl from '../../../public/i18n/nl.json';
import parentsAr from '../../../public/i18n/parents/ar.json';
import parentsEn from '../../../public/i18n/parents/en.json';
import parentsFr from '../../../public/i18n/parents/fr.json';
import parentsNl from '../../../public/i18n/parents/nl.json';
import { ARABIC_PARENT_TRANSLATIONS } from '../../testing/translate-testing';
import { AGE_CHOICES } from './shared/age-choices';
import { PLURAL_FORMS } from './shared/plural';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix = ''): Map<string, Json> {
  const leaves = new Map<string, Json>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leafKey, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) leaves.set(leafKey, leaf);
    }
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

const PLURAL = /\.(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: Json) => (typeof text === 'string' ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort() : []);

const files: Record<string, Map<string, Json>> = {
  nl: flatten(parentsNl as Json),
  en: flatten(parentsEn as Json),
  fr: flatten(parentsFr as Json),
  ar: flatten(parentsAr as Json),
};
const dutch = files['nl'];
/** Keys that come in plural forms (their Dutch file has `.one` and `.other`). */
const pluralBases = new Set([...dutch.keys()].filter((key) => key.endsWith('.other')).map(base));

describe('Parent page translations', () => {
  it('should keep every word under the top-level key "parents"', () => {
    for (const json of [parentsNl, parentsEn, parentsFr, parentsAr]) expect(Object.keys(json)).toEqual(['parents']);
    expect(ARABIC_PARENT_TRANSLATIONS).toEqual(parentsAr);
  });

  it.each(['en', 'fr', 'ar'])('should have the Dutch keys when the language is %s', (locale) => {
    const keys = (file: Map<string, Json>) => [...new Set([...file.keys()].map(base))].sort();
    expect(keys(files[locale])).toEqual(keys(dutch));
  });

  it.each(['nl', 'en', 'fr', 'ar'])('should have exactly the plural forms of the language when it is %s', (locale) => {
    for (const key of pluralBases) {
      const forms = [...files[locale].keys()].filter((k) => base(k) === key && PLURAL.test(k)).map((k) => k.split('.').pop());
      expect({ key, forms: forms.sort() }).toEqual({ key, forms: [...PLURAL_FORMS[locale]].sort() });
    }
  });

  it.each(['nl', 'en', 'fr', 'ar'])('should only have non-empty texts when the language is %s', (locale) => {
    const empty = [...files[locale]].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(['en', 'fr', 'ar'])('should keep the Dutch placeholders when the language is %s', (locale) => {
    const different = [...files[locale]]
      .filter(([key, text]) => {
        const wanted = placeholders(dutch.get(pluralBases.has(base(key)) ? `${base(key)}.other` : key) ?? '');
        const got = placeholders(text);
        // A plural form may leave the number out ("Nog 1 plaats", "مكان واحد").
        return pluralBases.has(base(key)) ? got.some((p) => !wanted.includes(p)) : got.join() !== wanted.join();
      })
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('should have the words the pages build from the domain (statuses, needs, ages, actions)', () => {
    const needed = [
      ...Object.values(RegistrationStatus).map((status) => `parents.status.${status}`),
      ...NEEDS.map((need) => `parents.register.needs.${need}`),
      ...AGE_CHOICES.flatMap((age) => [`parents.ages.${age.id}.label`, `parents.ages.${age.id}.hint`, `parents.finder.heading.${age.id}`]),
      ...['drop_in', 'closed', 'opens', 'opensToday', 'ended', 'full', 'unlimited'].map((state) => `parents.seats.${state}`),
      ...['drop_in', 'invite', 'closed', 'register', 'registerSeries', 'waitlist'].map((name) => `parents.group.${name}`),
      ...['registerHint', 'registerSeriesHint', 'waitlistHint'].map((name) => `parents.group.${name}`),
      ...['accept', 'skip', 'unskip', 'cancel', 'leave', 'decline'].map((action) => `parents.manage.actions.${action}`),
      ...['accept', 'skip', 'unskip', 'unskipWaitlist', 'cancel', 'leave', 'decline', 'stop', 'locale'].map(
        (action) => `parents.manage.done.${action}`,
      ),
      ...['skip', 'cancel', 'leave', 'decline', 'stop'].flatMap((action) =>
        ['title', 'text', 'confirm', 'keep'].map((part) => `parents.manage.confirm.${action}.${part}`),
      ),
    ];
    for (const locale of Object.keys(files)) {
      expect({ locale, missing: needed.filter((key) => !files[locale].has(key)) }).toEqual({ locale, missing: [] });
    }
  });
});

describe('Arabic core translations (the shell and the start page around the parent pages)', () => {
  const nl = flatten(coreNl as Json);
  const ar = flatten(coreAr as Json);
  /** What a parent sees outside the parent pages' own words. */
  const publicSections = ['app.', 'nav.', 'language.', 'home.', 'groups.', 'errors.', 'notFound.', 'common.', 'dates.', 'forms.'];
  const shellAccountKeys = ['account.menuLabel', 'account.sectionLabel', 'account.signIn', 'account.signOut'];
  const needed = [...nl.keys()].filter((key) => publicSections.some((section) => key.startsWith(section))).concat(shellAccountKeys);

  it('should have every key the shell, the start page and the parent pages use', () => {
    expect(needed.filter((key) => !ar.has(key))).toEqual([]);
  });

  it('should only have translated, non-empty texts with the Dutch placeholders', () => {
    const wrong = needed.filter((key) => {
      const text = ar.get(key);
      return typeof text !== 'string' || text.trim() === '' || placeholders(text).join() !== placeholders(nl.get(key) ?? '').join();
    });
    expect(wrong).toEqual([]);
  });

  it('should say every API error code kindly in Arabic', () => {
    expect(Object.values(ErrorCode).filter((code) => !ar.has(`errors.codes.${code}`))).toEqual([]);
  });

  it('should name each language in its own script', () => {
    expect(ar.get('language.names.ar')).toBe('العربية');
    expect(ar.get('language.names.nl')).toBe('Nederlands');
  });
});
