import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, type ApiErrorBody } from '@kring/domain';
import { DomainError, STATUS_BY_CODE } from './domain-error';
import { CODE_NOT_RIGHT, NO_ACCESS, TWO_FACTOR_FIRST } from './errors';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.ValidationFailed,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.Unauthenticated,
  [HttpStatus.FORBIDDEN]: ErrorCode.Forbidden,
  [HttpStatus.NOT_FOUND]: ErrorCode.NotFound,
  [HttpStatus.CONFLICT]: ErrorCode.Conflict,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PayloadTooLarge,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TooManyRequests,
};

/** Plain messages for errors that do not come from our own code. */
const MESSAGE_BY_CODE: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'The request could not be read. Check what was sent.',
  [ErrorCode.NotFound]: 'We could not find what you asked for.',
  [ErrorCode.RouteNotFound]: 'There is no such address in the Kring API.',
  [ErrorCode.Unauthenticated]: 'Please sign in first.',
  [ErrorCode.Forbidden]: NO_ACCESS,
  [ErrorCode.CsrfFailed]: 'This request lacked its anti-forgery token. Reload the page and try again.',
  [ErrorCode.TwoFactorRequired]: TWO_FACTOR_FIRST,
  [ErrorCode.StepUpRequired]: 'Confirm with a code from your app first.',
  [ErrorCode.InvalidCredentials]: 'That e-mail address and password do not match.',
  [ErrorCode.InvalidTwoFactorCode]: CODE_NOT_RIGHT,
  [ErrorCode.LinkExpired]: 'This link has expired or has already been used.',
  [ErrorCode.Conflict]: 'This clashes with something that already exists.',
  [ErrorCode.AttendanceNotYetOpen]: 'Present and absent can be marked from the session’s day on.',
  [ErrorCode.SchedulingConflict]: 'Someone or a room is booked twice at that time.',
  [ErrorCode.SessionsHaveFamilies]: 'Families are registered for dates this change would drop.',
  [ErrorCode.TooManyRequests]: 'Too many attempts. Please wait a moment and try again.',
  [ErrorCode.PayloadTooLarge]: 'What was sent is too large.',
  [ErrorCode.Internal]: 'Something went wrong on our side. Please try again later.',
};

/**
 * Every error leaves the API as `{ code, message, fields?, requestId }`. Nothing else:
 * no stack trace, no exception text from a library (it may quote user data).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string | number }>();
    const res = http.getResponse<Response>();
    const { status, body } = this.toBody(exception, req);
    if (req.id !== undefined) body.requestId = String(req.id);
    if (status >= 500) {
      // Only the class and stack go to the log: an error message may carry user data.
      const err = exception instanceof Error ? exception : undefined;
      this.logger.error({ err: { type: err?.name, stack: err?.stack } }, 'Unhandled error');
    }
    if (res.headersSent) return;
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    res.status(status).json(body);
  }

  private toBody(exception: unknown, req: Request): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { code: exception.code, message: exception.message };
      if (exception.fields) body.fields = exception.fields;
      if (exception.conflicts) body.conflicts = exception.conflicts;
      if (exception.sessionsWithFamilies) body.sessionsWithFamilies = exception.sessionsWithFamilies;
      return { status: STATUS_BY_CODE[exception.code], body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND && this.isUnknownRoute(exception)) {
        return {
          status,
          body: {
            code: ErrorCode.RouteNotFound,
            message: `There is no ${req.method} ${req.originalUrl.split('?')[0]} in the Kring API.`,
          },
        };
      }
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
      // Express' adapter turns body-parser's JSON SyntaxError into a 400 with it as the cause.
      const message = exception.cause instanceof SyntaxError ? 'The request body is not valid JSON.' : MESSAGE_BY_CODE[code];
      return { status, body: { code, message } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: ErrorCode.Internal, message: MESSAGE_BY_CODE[ErrorCode.Internal] },
    };
  }

  /** Nest answers an unmatched route with a NotFoundException whose message starts "Cannot". */
  private isUnknownRoute(exception: HttpException): boolean {
    const response = exception.getResponse();
    const message = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
    return typeof message === 'string' && message.startsWith('Cannot ');
  }
}
