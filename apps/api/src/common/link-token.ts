import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { LINK_TOKEN_HEADER } from '@kring/domain';

/**
 * The token of a personal link (manage link, set-password link), from the `X-Link-Token` header;
 * empty when missing (the service then says the link does not work). Tokens never travel in the
 * path, where the request log and proxies would keep them.
 */
export const LinkToken = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<Request>().get(LINK_TOKEN_HEADER);
  return typeof value === 'string' ? value.trim() : '';
});
