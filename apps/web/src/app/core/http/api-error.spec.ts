import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import type { ApiErrorBody } from '@kring/domain';
import { apiErrorCode, apiErrorMessageKey, apiFieldErrors, retryAfterSeconds } from './api-error';

function httpError(status: number, error: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error });
}

describe(apiErrorMessageKey.name, () => {
  const tooMany: ApiErrorBody = { code: 'too_many_requests', message: 'Slow down' };
  const internal: ApiErrorBody = { code: 'internal_error', message: 'Boom', requestId: 'r1' };

  it.each([
    ['the API sends too_many_requests', httpError(429, tooMany), 'errors.codes.too_many_requests'],
    ['the API sends internal_error', httpError(500, internal), 'errors.codes.internal_error'],
    ['the browser cannot reach the server', httpError(0, new ProgressEvent('error')), 'errors.offline'],
    ['the body is not an API error', httpError(502, '<html>Bad gateway</html>'), 'errors.generic'],
    ['the code is unknown', httpError(500, { code: 'teapot', message: 'x' }), 'errors.generic'],
    ['it is not an HTTP error at all', new Error('bug'), 'errors.generic'],
  ])('should pick the right message when %s', (_case, error, expected) => {
    expect(apiErrorMessageKey(error)).toBe(expected);
  });
});

describe(apiFieldErrors.name, () => {
  it('should list the refused fields when the API sends them', () => {
    const body: ApiErrorBody = {
      code: 'validation_failed',
      message: 'x',
      fields: [{ field: 'password', code: 'weak_password', message: 'y', reason: 'too_common' }],
    };

    expect(apiFieldErrors(httpError(400, body))).toEqual(body.fields);
    expect(apiErrorCode(httpError(400, body))).toBe('validation_failed');
  });

  it('should give no fields and no code when the error is not from the API', () => {
    expect(apiFieldErrors(new Error('bug'))).toEqual([]);
    expect(apiErrorCode(httpError(502, 'Bad gateway'))).toBeNull();
  });
});

describe(retryAfterSeconds.name, () => {
  it('should read the wait from the Retry-After header when the API throttles', () => {
    const error = new HttpErrorResponse({
      status: 429,
      error: { code: 'too_many_requests', message: 'x' },
      headers: new HttpHeaders({ 'Retry-After': '120' }),
    });

    expect(retryAfterSeconds(error)).toBe(120);
  });

  it('should give null when there is no usable header', () => {
    expect(retryAfterSeconds(httpError(429, { code: 'too_many_requests', message: 'x' }))).toBeNull();
    expect(retryAfterSeconds(new Error('x'))).toBeNull();
  });
});
