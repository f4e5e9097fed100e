/** Answers no cache may keep: one person's own, or for one use only. */
import type { Middleware } from 'koa';

/** Sets Cache-Control: no-store on every answer of the routes it is used on. */
export function noStore(): Middleware {
  return async (ctx, next) => {
    ctx.set('Cache-Control', 'no-store');
    await next();
  };
}
