import { ErrorCode } from '@kring/domain';
import { waitInWords } from '../i18n/date-time';
import { apiErrorCode, apiErrorMessageKey, retryAfterSeconds } from './api-error';

/** A message to show: a translation key and its parameters. */
export interface ErrorMessage {
  key: string;
  params?: Record<string, string>;
}

/**
 * What to tell a person about a failed request, in their language: the API code's message,
 * and for "too many attempts" how long to wait, in words ("Wacht nog 2 minuten").
 */
export function errorMessage(error: unknown, locale: string): ErrorMessage {
  const wait = retryAfterSeconds(error);
  if (apiErrorCode(error) === ErrorCode.TooManyRequests && wait !== null) {
    return { key: 'errors.waitThenRetry', params: { wait: waitInWords(wait, locale) } };
  }
  return { key: apiErrorMessageKey(error) };
}
