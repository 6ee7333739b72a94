import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** An error the API gave for a field: shown at the field until the value changes. */
export const SERVER_ERROR = 'server';

/** Whole numbers only (type="number" also lets 1.5 through). */
export const wholeNumber: ValidatorFn = (control) =>
  control.value === null || control.value === '' || Number.isInteger(control.value) ? null : { wholeNumber: true };

/** Required, and not only spaces. */
export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null;

/** Puts the API's reason on a control, so the field says what to change. */
export function markServerError(control: AbstractControl | null | undefined, reason: string): boolean {
  if (!control) return false;
  control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: reason });
  control.markAsTouched();
  return true;
}

/**
 * The first error of a control as the last part of a translation key (`required`, `min`, …;
 * `server.<reason>` for the API's), or null when the control is fine.
 */
export function errorKeyOf(errors: ValidationErrors | null): string | null {
  if (!errors) return null;
  if (errors[SERVER_ERROR]) return `server.${String(errors[SERVER_ERROR])}`;
  return Object.keys(errors)[0] ?? null;
}
