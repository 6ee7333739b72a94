import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { Logger } from 'nestjs-pino';

/** Answers smaller than this are sent as they are: compressing them saves nothing worth the time. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Angular's hashed bundle names (`main-YZFZZQVZ.js`, `chunk-D5Qz_nMO.js`, `styles-2MFMZLPN.css`; the same
 * pattern as public/sw.js) and their pre-compressed copies: those may be cached for a year, the rest is
 * asked again every time.
 */
const HASHED_BUNDLE = /(?:^|[/\\])(?:chunk|main|polyfills|styles)-[\w-]{6,}\.(?:js|css)(?:\.br|\.gz)?$/;

/**
 * JSON (and other compressible) answers over 1 kB, compressed for a client that asks: brotli first (at
 * quality 4, the library's default for answers made on the fly), else gzip. An answer that already has
 * a Content-Encoding (the pre-compressed bundles below) or says `Cache-Control: no-transform` is left
 * alone. Kring streams nothing (no server-sent events), so nothing here waits on a flush.
 */
export function compressResponses(app: NestExpressApplication): void {
  app.use(compression({ threshold: COMPRESS_THRESHOLD }));
}

/**
 * Static files of the built Angular app, and its index.html for every client-side route. The build
 * writes a `.br` and a `.gz` beside each text file (tools/web-build-check.mjs): those are sent as they
 * are, with `Content-Encoding` and `Vary: Accept-Encoding`, so nothing is compressed per request.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const dir = resolve(webDist);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get(Logger).warn({ dir }, 'No built web app found; serving the API only');
    return;
  }
  app.use(
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res: ServerResponse, path: string) => {
          res.setHeader('Cache-Control', HASHED_BUNDLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/') || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
