import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@kring/domain';
import { apiErrorMessageKey } from './api-error';

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
