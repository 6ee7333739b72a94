import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, FieldErrorCode, type FieldError } from '@kring/domain';
import { DomainError } from './domain-error';

/** class-validator constraint names → the field codes the web translates. */
const FIELD_CODE_BY_CONSTRAINT: Record<string, FieldErrorCode> = {
  whitelistValidation: FieldErrorCode.UnknownField,
  isDefined: FieldErrorCode.Required,
  isNotEmpty: FieldErrorCode.Required,
  minLength: FieldErrorCode.TooShort,
  maxLength: FieldErrorCode.TooLong,
  min: FieldErrorCode.OutOfRange,
  max: FieldErrorCode.OutOfRange,
  isIn: FieldErrorCode.NotOneOf,
  isEnum: FieldErrorCode.NotOneOf,
};

/** Flattens nested validation errors into one entry per bad field, with dotted paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, text] of Object.entries(error.constraints ?? {})) {
      const code = FIELD_CODE_BY_CONSTRAINT[constraint] ?? FieldErrorCode.Invalid;
      const message =
        code === FieldErrorCode.UnknownField
          ? `'${field}' is not a field this request takes: remove it.`
          : text.replace(error.property, `'${field}'`);
      out.push({ field, code, message });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/**
 * The global pipe: unknown fields are refused (never silently stripped), values are
 * converted to their declared types, and every bad field is named in the answer.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = toFieldErrors(errors);
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return new DomainError(ErrorCode.ValidationFailed, `Some fields need another look: ${names}.`, fields);
    },
  });
}
