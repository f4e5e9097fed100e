/**
 * Refuses state-changing requests sent by another site (cross-site request forgery): a browser
 * says where a request comes from in Sec-Fetch-Site, or at least in Origin.
 */
import type { Middleware } from 'koa';
import { HttpError } from './errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sameOriginWrites(): Middleware {
  return async (ctx, next) => {
    if (!SAFE.has(ctx.method)) {
      const site = ctx.get('Sec-Fetch-Site');
      const origin = ctx.get('Origin');
      const crossSite = site ? !['same-origin', 'none'].includes(site) : origin ? origin !== ctx.origin : false;
      if (crossSite) throw new HttpError(403, 'cross-site', 'This request came from another site, so it was refused.');
    }
    await next();
  };
}
