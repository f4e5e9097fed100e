/**
 * What every answer of the API is: JSON, and kept by no cache unless its route says otherwise
 * (the forms' public definitions do). The routers' own answers to a method a route does not have
 * (405, or 501 for one no route has) and to OPTIONS are plain text with no Cache-Control: they
 * become JSON here, with the methods the address takes, and no-store like the rest.
 */
import type { Context, Middleware } from 'koa';
import type { ErrorBody } from '../../engine/index.ts';

const API = /^\/(api\/|healthz$)/;

const methodsOf = (ctx: Context) =>
  String(ctx.response.get('Allow') ?? '')
    .split(',')
    .map((method) => method.trim())
    .filter(Boolean);

export function apiResponses(): Middleware {
  return async (ctx, next) => {
    if (!API.test(ctx.path)) return next();
    ctx.set('Cache-Control', 'no-store');
    await next();
    const methods = methodsOf(ctx);
    if (ctx.method === 'OPTIONS' && ctx.status === 200 && !ctx.body) {
      ctx.body = { methods };
    } else if ((ctx.status === 405 || ctx.status === 501) && (!ctx.body || typeof ctx.body === 'string')) {
      const takes = methods.length ? `: it takes ${methods.join(', ')}` : '';
      const message = `${ctx.path} does not take ${ctx.method}${takes}.`;
      ctx.body = {
        error: { code: ctx.status === 405 ? 'method-not-allowed' : 'not-implemented', message },
      } satisfies ErrorBody;
    }
  };
}
