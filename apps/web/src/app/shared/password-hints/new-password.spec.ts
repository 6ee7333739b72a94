import { FormControl } from '@angular/forms';
import { newPasswordValidator, passwordProblemKey, sameAsValidator } from './new-password';

describe(newPasswordValidator.name, () => {
  const check = (value: string) =>
    new FormControl(
      value,
      newPasswordValidator(() => ({ email: 'gita@keerkring.be', displayName: 'Gita Peeters' })),
    ).errors;

  it.each([
    ['kort', ['too_short']],
    ['wachtwoord2026', ['too_common']],
    ['gita-peeters-rocks', ['contains_name']],
    ['koffie met drie vriendinnen', null],
  ])('should judge %s the way the server does', (password, problems) => {
    expect(check(password)).toEqual(problems === null ? null : { passwordProblems: problems });
  });

  it('should leave an empty field to the required check', () => {
    expect(check('')).toBeNull();
  });

  it('should name the translation of a problem', () => {
    expect(passwordProblemKey('too_common')).toBe('password.problems.too_common');
  });
});

describe(sameAsValidator.name, () => {
  it('should refuse a confirmation that differs from the password', () => {
    expect(
      new FormControl(
        'abc',
        sameAsValidator(() => 'abd'),
      ).errors,
    ).toEqual({ mismatch: true });
    expect(
      new FormControl(
        'abc',
        sameAsValidator(() => 'abc'),
      ).errors,
    ).toBeNull();
  });
});
