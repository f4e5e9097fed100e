/**
 * Lets the council's own pages embed a form: the components, the forms' definitions and the
 * portal content may be read from the origins listed in EMBED_ORIGINS (and only read: nothing
 * that changes anything, and nothing personal, is shared across origins).
 */
import type { Middleware } from 'koa';

const SHARED = /^\/(assets\/|embed\/|api\/forms(\/|$)|api\/portal$|schemas\/|custom-elements\.json$)/;

export function embedCors(origins: string[]): Middleware {
  const allowed = new Set(origins);
  return async (ctx, next) => {
    await next();
    const origin = ctx.get('Origin');
    if (!origin || !allowed.has(origin) || !['GET', 'HEAD'].includes(ctx.method) || !SHARED.test(ctx.path)) return;
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.vary('Origin');
  };
}
