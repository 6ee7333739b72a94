import { ErrorCode, FieldErrorCode, type FlagFieldProblem } from '@kring/domain';
import { DomainError } from '../common/domain-error';

/** Field messages for the rules of `flags-rules.ts`. They name the field and never repeat what was typed. */
const MESSAGES: Record<FlagFieldProblem['reason'], string> = {
  required: 'This needs a few words.',
  not_discussed_reason_required: 'Say in a few words why it was not discussed with the parent.',
  not_a_date: 'This must be a date (YYYY-MM-DD).',
  review_date_past: 'The review date cannot be in the past.',
  review_date_too_far: 'The review date can be at most twelve months ahead.',
  purpose_note_required: 'Say in a word what the other purpose is.',
  own_note_not_author: 'Rereading one’s own note is a purpose for its author only.',
  too_long: 'This is longer than we can accept.',
};

const CODES: Partial<Record<FlagFieldProblem['reason'], FieldErrorCode>> = {
  required: FieldErrorCode.Required,
  not_discussed_reason_required: FieldErrorCode.Required,
  purpose_note_required: FieldErrorCode.Required,
  review_date_past: FieldErrorCode.OutOfRange,
  review_date_too_far: FieldErrorCode.OutOfRange,
  too_long: FieldErrorCode.TooLong,
};

export function flagProblemsError(problems: FlagFieldProblem[]): DomainError {
  return new DomainError(
    ErrorCode.ValidationFailed,
    `Some fields need another look: ${[...new Set(problems.map((p) => p.field))].join(', ')}.`,
    problems.map((p) => ({
      field: p.field,
      code: CODES[p.reason] ?? FieldErrorCode.Invalid,
      message: MESSAGES[p.reason],
      reason: p.reason,
    })),
  );
}
