import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from '../i18n/language.service';
import { API_BASE_URL } from './api-base-url';

/**
 * Tells the API which language the screens are shown in (`Accept-Language`), so that what it
 * names for staff (group titles on the roster, in care prompts and scheduling conflicts) is in
 * that language; the API falls back to Dutch. Only on API calls: the translations themselves load
 * through HttpClient too, before the language is known (and before `LanguageService` may be built).
 */
export const localeInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith(inject(API_BASE_URL))) return next(request);
  return next(request.clone({ setHeaders: { 'Accept-Language': inject(LanguageService).locale() } }));
};
