import type { EnvironmentProviders } from '@angular/core';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { authInterceptor } from '../auth/auth.interceptor';
import { localeInterceptor } from './locale.interceptor';

/**
 * HttpClient as Kring uses it. Fetch is Angular's default backend (`withFetch()` is no longer
 * needed); the anti-forgery interceptor runs with any backend and sends the `XSRF-TOKEN`
 * cookie back as the `X-XSRF-TOKEN` header on every same-origin POST, PATCH and DELETE. API calls
 * carry the screens' language (`Accept-Language`, see `localeInterceptor`).
 */
export function provideKringHttp(): EnvironmentProviders {
  return provideHttpClient(
    withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
    withInterceptors([localeInterceptor, authInterceptor]),
  );
}
