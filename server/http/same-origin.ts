/**
 * Refuses state-changing requests sent by another site (cross-site request forgery): a browser
 * says where a request comes from in Sec-Fetch-Site, and in Origin. Origin is compared with the
 * portal's public origin as configured (PUBLIC_URL), never with one built from the request's own
 * Host or forwarded headers, which whoever sends the request chooses. Without PUBLIC_URL (a
 * laptop), the portal's origin is this machine's loopback address on the port the request came in on.
 */
import type { Context, Middleware } from 'koa';
import { HttpError } from './errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function isPortalOrigin(origin: string, ctx: Context, publicOrigin: string | undefined): boolean {
  if (publicOrigin) return origin === publicOrigin;
  const port = ctx.req.socket.localPort;
  return LOOPBACK.some((host) => origin === `http://${host}:${port}`);
}

export function sameOriginWrites(publicOrigin?: string): Middleware {
  return async (ctx, next) => {
    if (!SAFE.has(ctx.method)) {
      const site = ctx.get('Sec-Fetch-Site');
      const origin = ctx.get('Origin');
      const crossSite =
        (site !== '' && !['same-origin', 'none'].includes(site)) ||
        (origin !== '' && !isPortalOrigin(origin, ctx, publicOrigin));
      if (crossSite) throw new HttpError(403, 'cross-site', 'This request came from another site, so it was refused.');
    }
    await next();
  };
}
