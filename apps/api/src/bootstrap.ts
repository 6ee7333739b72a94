import 'reflect-metadata';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import { CSRF_COOKIE, csrfCookieOptions, readCookie, secureFor } from './auth/cookies';
import { newToken } from './auth/tokens';
import { answerDeepJson, refuseDeepBodies, verifyJsonDepth } from './common/body-depth';
import { ApiExceptionFilter } from './common/exception.filter';
import { RequestContext } from './common/request-context';
import { createValidationPipe } from './common/validation';
import { compressResponses, serveWebApp } from './common/web-serving';

/**
 * Builds the whole HTTP application: the same for `npm start` and for the integration tests.
 * The API lives under /api/v1, health under /api/health, OpenAPI under /api/docs, and every
 * other GET is the web app (when it is built).
 */
export async function createApp(options: AppOptions & { webDist?: string }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    // Throw start-up errors to the caller (main.ts says what went wrong) instead of exiting here.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // X-Forwarded-For and X-Forwarded-Proto count only from these addresses (default: loopback).
  app.set('trust proxy', options.env.KRING_TRUST_PROXY);
  // Bodies nest at most 32 levels, checked on the text before parsing; query strings never nest
  // (`a[b]=1` is the key "a[b]"): see common/body-depth.ts.
  app.use(json({ limit: '200kb', verify: verifyJsonDepth })); // Nest's useBodyParser types leave out `verify`
  app.use(answerDeepJson, refuseDeepBodies);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular Material sets style attributes at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  // JSON over 1 kB goes out compressed; the web app's files come pre-compressed (common/web-serving.ts).
  compressResponses(app);
  const context = app.get(RequestContext);
  const secureCookies = options.env.NODE_ENV === 'production';
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Every visitor gets an anti-forgery token to echo in a header (Angular does it by itself).
    if (req.path.startsWith('/api/') && !readCookie(req, CSRF_COOKIE)) {
      res.cookie(CSRF_COOKIE, newToken(), csrfCookieOptions(secureFor(req, secureCookies)));
    }
    context.run({ ip: req.ip, userAgent: req.get('user-agent') }, next);
  });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Kring API')
    .setDescription('Group work, attendance and respectful referrals for De Keerkring.')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  if (options.webDist) serveWebApp(app, options.webDist);
  await app.init();
  return app;
}
