import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, type ApiErrorBody } from '@kring/domain';

/** No request Kring takes nests deeper than this; a body that does is refused before anything reads it. */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether `value` nests objects or arrays more than `max` levels deep. Iterative (an explicit
 * stack, no recursion), so a 10 000-deep body costs one short walk and never the call stack;
 * it stops at the first level too deep.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<{ node: object; depth: number }> = [{ node: value, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > max) return true;
    const children: unknown[] = Array.isArray(item.node) ? item.node : Object.values(item.node);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON text opens more than `max` arrays or objects inside each other (brackets in
 * strings do not count). One pass over the bytes that stops at the first level too deep: a
 * 200 kB attack is refused after a few dozen bytes, before `JSON.parse` spends any time on it.
 */
export function jsonNestedDeeperThan(text: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(c)) depth--;
  }
  return false;
}

/** Marks the error that `verifyJsonDepth` makes the JSON body parser pass on. */
class TooDeep extends Error {
  readonly tooDeep = true;
}

/** The JSON body parser's `verify` option: refuses a text nested too deeply before it is parsed. */
export function verifyJsonDepth(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (jsonNestedDeeperThan(buf, MAX_BODY_DEPTH)) throw new TooDeep('nested too deeply');
}

function refuse(res: Response): void {
  const body: ApiErrorBody = {
    code: ErrorCode.ValidationFailed,
    message: `What was sent is nested too deeply (more than ${MAX_BODY_DEPTH} levels); no form of Kring sends that. Send a flatter request.`,
  };
  res.status(400).json(body);
}

/** Express error middleware right after the JSON parser: its `verifyJsonDepth` refusal becomes a plain 400. */
export function answerDeepJson(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  // body-parser passes on the very error `verify` threw (with its status and type added).
  if (error instanceof TooDeep) {
    refuse(res);
    return;
  }
  next(error);
}

/**
 * Express middleware, after the body parsers (for what `verifyJsonDepth` did not see): a body nested deeper than `MAX_BODY_DEPTH`
 * answers 400 `validation_failed` at once, before class-transformer (which recurses and would
 * overflow the stack) or the access checks run. Same error shape as `ApiExceptionFilter`.
 */
export function refuseDeepBodies(req: Request, res: Response, next: NextFunction): void {
  if (!nestedDeeperThan(req.body, MAX_BODY_DEPTH)) {
    next();
    return;
  }
  refuse(res);
}
