import { ErrorCode, FieldErrorCode, passwordProblems, PASSWORD_MIN_LENGTH, type PasswordProblem } from '@kring/domain';
import { DomainError } from '../common/domain-error';

const MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters; a short sentence works well.`,
  too_long: 'That is longer than we can accept.',
  too_common: 'This password is one of the most used (and guessed) ones. Choose another.',
  too_predictable: 'This password is easy to guess (a run of keys or repeated characters). Choose another.',
  contains_name: 'Leave your name and e-mail address out of your password.',
};

/** Throws a 400 naming `field` when the new password is refused. */
export function assertAcceptablePassword(field: string, password: string, person: { email: string; displayName: string }): void {
  const problems = passwordProblems(password, person);
  if (problems.length === 0) return;
  throw new DomainError(
    ErrorCode.ValidationFailed,
    `Choose another password: ${MESSAGES[problems[0]]}`,
    problems.map((p) => ({ field, code: FieldErrorCode.WeakPassword, message: MESSAGES[p], reason: p })),
  );
}
