import { normalizeRegistrationCode } from '@kring/domain';

/** "A7FQWK" → "A7F QWK": two groups of three read (and typed) more easily. */
export function spacedCode(code: string): string {
  const clean = normalizeRegistrationCode(code);
  return clean.length === 6 ? `${clean.slice(0, 3)} ${clean.slice(3)}` : clean;
}

/** "A 7 F Q W K": how a screen reader should spell the code, one sign at a time. */
export function spelledCode(code: string): string {
  return [...normalizeRegistrationCode(code)].join(' ');
}
