import { describe, expect, it } from 'vitest';
import { isApiErrorBody } from './errors';

describe('isApiErrorBody', () => {
  it('should accept a body with a known code and a message', () => {
    expect(isApiErrorBody({ code: 'validation_failed', message: 'x', fields: [] })).toBe(true);
  });

  it.each([null, 'x', {}, { code: 'nope', message: 'x' }, { code: 'not_found' }])('should refuse %j', (value) => {
    expect(isApiErrorBody(value)).toBe(false);
  });
});
