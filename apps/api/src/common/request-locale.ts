import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DEFAULT_LOCALE, LOCALES, localeFromAcceptLanguage, type Locale } from '@kring/domain';
import type { Request, Response } from 'express';

/**
 * The language a staff member reads in, for what the API names for them (group titles on the
 * roster, in care prompts, in scheduling conflicts): the `Accept-Language` the web sends with
 * the language of its screens, else Dutch. Titles still fall back to Dutch (`pickLocalized`).
 * Endpoints that take `?locale=` (`LocaleQuery`) keep using that.
 */
export const RequestLocale = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Locale => {
    const http = ctx.switchToHttp();
    // The answer depends on the header: say so to any cache in between.
    http.getResponse<Response>().vary('Accept-Language');
    return localeFromAcceptLanguage(http.getRequest<Request>().headers['accept-language']) ?? DEFAULT_LOCALE;
  },
  [
    // Documents the header on the route (OpenAPI).
    (target, key) => {
      const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
      if (key !== undefined && descriptor) {
        ApiHeader({
          name: 'Accept-Language',
          required: false,
          description: `Titles in the first of ${LOCALES.join(', ')} asked for; else Dutch.`,
        })(target, key, descriptor);
      }
    },
  ],
);
