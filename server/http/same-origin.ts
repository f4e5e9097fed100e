/**
 * Refuses state-changing requests sent by another site (cross-site request forgery): a browser
 * says where a request comes from in Sec-Fetch-Site, and in Origin. Origin is compared with the
 * portal's public origin as configured (PUBLIC_URL), never with one built from the request's own
 * Host or forwarded headers, which whoever sends the request chooses. Without PUBLIC_URL (a
 * laptop), the portal's origin is this machine's loopback address on the port the request came in on.
 * The council's own pages listed in EMBED_ORIGINS may also write to the referrer's API (an embedded
 * form signs in, saves and submits), and nothing else.
 */
import type { Context, Middleware } from 'koa';
import { HttpError } from './errors.ts';
import { REFERRER_API } from './cors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

function isPortalOrigin(origin: string, ctx: Context, publicOrigin: string | undefined): boolean {
  if (publicOrigin) return origin === publicOrigin;
  const port = ctx.req.socket.localPort;
  return LOOPBACK.some((host) => origin === `http://${host}:${port}`);
}

export function sameOriginWrites(publicOrigin?: string, embedOrigins: readonly string[] = []): Middleware {
  const embedding = new Set(embedOrigins);
  return async (ctx, next) => {
    if (!SAFE.has(ctx.method)) {
      const site = ctx.get('Sec-Fetch-Site');
      const origin = ctx.get('Origin');
      const embedded = embedding.has(origin) && REFERRER_API.test(ctx.path);
      const crossSite =
        !embedded &&
        ((site !== '' && !['same-origin', 'none'].includes(site)) ||
          (origin !== '' && !isPortalOrigin(origin, ctx, publicOrigin)));
      if (crossSite) throw new HttpError(403, 'cross-site', 'This request came from another site, so it was refused.');
    }
    await next();
  };
}
