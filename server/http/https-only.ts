/**
 * In production the portal is reached over HTTPS through a proxy, which must say so with
 * `X-Forwarded-Proto: https`. A request that arrives without it is refused with what the proxy
 * must send, instead of failing later (a secure cookie cannot be set on it). The health checks and
 * the metrics are left alone: a load balancer or Prometheus often asks them over plain HTTP inside
 * the network (/metrics still needs its token).
 */
import type { Middleware } from 'koa';

const HEALTH = new Set(['/healthz', '/readyz', '/metrics']);

export function httpsOnly(production: boolean): Middleware {
  return async (ctx, next) => {
    if (!production || ctx.secure || HEALTH.has(ctx.path)) return next();
    const message =
      'This portal answers HTTPS only. The proxy in front of it must send X-Forwarded-Proto: https with each request (and TRUST_PROXY must count that proxy).';
    ctx.status = 400;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { error: { code: 'https-only', message } };
  };
}
