/**
 * One access line per request, and a request id on every line about it. The line says the
 * method, the route (the pattern that matched, like `/api/drafts/:id`, or the kind of answer: a
 * page, a static file, nothing there), the status, how long the answer took to start, and the
 * request id; never the address as sent (a page's address may hold a token), its query, headers or
 * body. The health checks' lines are at debug level (load balancers ask every few seconds), unless
 * they answer 503.
 *
 * The id is the caller's `X-Request-Id` when it is short and plain (a proxy in front may have
 * given one), else made here; it is sent back in `X-Request-Id`, and the rest of the request logs
 * through `ctx.state.log`, which carries it.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type { Logger } from '../services/log.ts';
import type { Answered } from '../services/metrics.ts';

declare module 'koa' {
  interface DefaultState {
    /** This request's id, as sent back in X-Request-Id. */
    requestId: string;
    /** The log, with this request's id on each line. */
    log: Logger;
    /** The kind of answer, when no router's route gave it (see servedAs). */
    served?: string;
  }
}

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const QUIET = new Set(['/healthz', '/readyz']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route of a request: its router's pattern, `page` (the portal's one page), the kind servedAs gave, or `unmatched`. */
export function routeOf(ctx: Context): string {
  const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
  if (typeof matched === 'string') return matched;
  if (matched instanceof RegExp) return 'page';
  return ctx.state.served ?? 'unmatched';
}

/** The method as counted: one of HTTP's usual ones, or `other` (a metric's labels must stay few). */
export const methodOf = (ctx: Context) => (METHODS.has(ctx.method) ? ctx.method : 'other');

/** Marks what `middleware` answers (rather than passing on) as `kind`, for routeOf: `static` for the files. */
export function servedAs(kind: string, middleware: Middleware): Middleware {
  return async (ctx, next) => {
    let passed = false;
    await middleware(ctx, () => {
      passed = true;
      return next();
    });
    if (!passed) ctx.state.served = kind;
  };
}

/** Gives each request its id and its log, writes its access line, and tells `answered` of it (the metrics). */
export function requestLog(log: Logger, answered: (request: Answered) => void = () => {}): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    const given = ctx.get('X-Request-Id');
    const requestId = SANE_ID.test(given) ? given : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = log.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const request: Answered = {
        method: methodOf(ctx),
        route: routeOf(ctx),
        status: failed ? 500 : ctx.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      answered(request);
      const level = QUIET.has(ctx.path) && request.status < 500 ? 'debug' : 'info';
      ctx.state.log[level](request, `${request.method} ${request.route} ${request.status}`);
    }
  };
}
