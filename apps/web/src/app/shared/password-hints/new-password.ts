import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { PasswordProblem } from '@kring/domain';
import { passwordProblems } from '@kring/domain';

/** Whose password it is: a password may not contain the person's name or e-mail. */
export interface PasswordOwner {
  email?: string;
  displayName?: string;
}

/** The translation key that explains a password problem, e.g. `password.problems.too_common`. */
export function passwordProblemKey(problem: PasswordProblem | string): string {
  return `password.problems.${problem}`;
}

/**
 * The same checks as the server (`passwordProblems` from the domain), for instant feedback.
 * Error: `{ passwordProblems: PasswordProblem[] }`. The server still decides.
 */
export function newPasswordValidator(owner: () => PasswordOwner): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value ?? '';
    if (value === '') return null; // `required` says that one
    const problems = passwordProblems(value, owner());
    return problems.length > 0 ? { passwordProblems: problems } : null;
  };
}

/** The confirmation must equal the password. Error: `{ mismatch: true }`. */
export function sameAsValidator(other: () => string): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    control.value && control.value !== other() ? { mismatch: true } : null;
}
