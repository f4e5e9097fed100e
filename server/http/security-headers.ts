/**
 * Headers on every response: a Content-Security-Policy with no 'unsafe-eval' and no inline
 * script (the browser gets precompiled validators, so it never needs either), no sniffing, no
 * referrer beyond the origin, and HSTS in production.
 */
import { createHash } from 'node:crypto';
import type { Middleware } from 'koa';
import { PAGE_STYLE } from '../../engine/index.ts';

/** The page's one inline style (engine/contracts/page-data.ts), allowed by its hash. */
const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

export interface SecurityHeaderOptions {
  frameAncestors: string[];
  production: boolean;
}

export function contentSecurityPolicy(frameAncestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Lit's styles are constructed style sheets, which style-src 'self' allows; inline, only the page's own.
    `style-src 'self' ${PAGE_STYLE_SOURCE}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Middleware {
  const policy = contentSecurityPolicy(options.frameAncestors);
  return async (ctx, next) => {
    ctx.set('Content-Security-Policy', policy);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.production) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
  };
}
