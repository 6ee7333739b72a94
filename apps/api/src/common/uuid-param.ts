import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode, FieldErrorCode } from '@kring/domain';
import { DomainError } from './domain-error';

/** A route parameter that must be a UUID; anything else is a 400 naming it. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError(ErrorCode.ValidationFailed, `'${name}' must be an id (a UUID).`, [
          { field: name, code: FieldErrorCode.Invalid, message: `'${name}' must be an id (a UUID).` },
        ]),
    }),
  );
