import { AUDIENCES, AuditAction, ErrorCode, GROUP_KINDS, PasswordProblem, STAFF_ROLES } from '@kring/domain';
import { TRANSLATIONS } from '../../../testing/translate-testing';
import { OFFERED_LOCALES } from './language.service';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every leaf of a nested translation object as `dotted.key` → value. */
function flatten(value: Json, prefix = ''): Map<string, Json> {
  const leaves = new Map<string, Json>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leafKey, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) {
        leaves.set(leafKey, leaf);
      }
    }
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

function placeholders(text: Json): string[] {
  return typeof text === 'string' ? [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort() : [];
}

describe('Translation files', () => {
  const files = Object.fromEntries(Object.entries(TRANSLATIONS).map(([locale, json]) => [locale, flatten(json as Json)]));
  const dutch = files['nl'];

  it('should have a file for every offered language', () => {
    expect(Object.keys(files).sort()).toEqual([...OFFERED_LOCALES].sort());
  });

  it.each(['en', 'fr'])('should have exactly the Dutch keys when the language is %s', (locale) => {
    expect([...files[locale].keys()].sort()).toEqual([...dutch.keys()].sort());
  });

  it.each(['nl', 'en', 'fr'])('should only have non-empty texts when the language is %s', (locale) => {
    const empty = [...files[locale]].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(['en', 'fr'])('should keep the Dutch placeholders when the language is %s', (locale) => {
    const different = [...dutch]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(files[locale].get(key) ?? '').join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('should name every language in its own language in every file', () => {
    for (const file of Object.values(files)) {
      expect(file.get('language.names.nl')).toBe('Nederlands');
      expect(file.get('language.names.en')).toBe('English');
      expect(file.get('language.names.fr')).toBe('Français');
    }
  });

  it('should translate every group kind, audience and API error code when the domain defines them', () => {
    const needed = [
      ...GROUP_KINDS.map((kind) => `groups.kind.${kind}`),
      ...AUDIENCES.map((audience) => `groups.audience.${audience}`),
      ...Object.values(ErrorCode).map((code) => `errors.codes.${code}`),
      'errors.generic',
      'errors.offline',
    ];
    expect(needed.filter((key) => !dutch.has(key))).toEqual([]);
  });

  it('should name every staff role, audit action and password problem when the domain defines them', () => {
    const needed = [
      ...STAFF_ROLES.flatMap((role) => [`roles.${role}`, `roles.describe.${role}`]),
      ...Object.values(AuditAction).map((action) => `audit.actions.${action}`),
      ...Object.values(PasswordProblem).map((problem) => `password.problems.${problem}`),
    ];
    expect(needed.filter((key) => !dutch.has(key))).toEqual([]);
  });
});
