import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Env } from '../config/env';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/**
 * A run of URL-safe characters as long as a link token (Kring's are 43) and longer than a UUID
 * (36): no route of Kring has such a path segment except a token, so the log never keeps one.
 */
const TOKEN_SHAPED = /[A-Za-z0-9_~%-]{40,}/g;

/** The path as logged: no query string (it may carry a token), and every token-shaped run redacted. */
export function loggedPath(url: string): string {
  return url.split(/[?#]/)[0].replace(TOKEN_SHAPED, '[redacted]');
}

/** Takes a caller's X-Request-Id when it looks like one, else makes a new id; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * JSON logs with a request id on every line. Only method, path (never the query string,
 * which may carry a token, and with token-shaped segments redacted: links carry their tokens
 * in a header, this is the second line of defence), status and timing are logged: never
 * bodies, cookies or headers.
 */
@Module({})
export class LoggingModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.LOG_LEVEL,
            genReqId: requestId,
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: loggedPath(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
      ],
    };
  }
}
