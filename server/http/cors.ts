/**
 * Lets the council's own pages embed a form. From the origins listed in EMBED_ORIGINS:
 * - the components, the forms' definitions and the portal content may be read;
 * - the referrer's own API (their account, the captcha, their saved and sent forms) may be used
 *   with the session cookie, so the embedded form signs in, saves and submits as the portal does.
 * The staff's pages and API are never shared: no other origin may read or call them.
 *
 * The browser sends the session cookie only where the council's page and the portal are the same
 * site (www.council.gov.uk and portal.council.gov.uk); elsewhere the form finds it is not kept
 * (the cookie check in routes/account.ts) and sends the person on to the portal.
 */
import type { Middleware } from 'koa';

const SHARED = /^\/(assets\/|embed\/|api\/forms(\/|$)|api\/portal$|schemas\/|custom-elements\.json$)/;
/** The referrer's API, which the embedded form calls with the person's session. */
export const REFERRER_API = /^\/api\/(account|captcha|drafts|submissions)(\/|$)/;

const METHODS = 'GET, HEAD, POST, PUT, DELETE';
/** How long a browser may keep a preflight's answer. */
const PREFLIGHT_MAX_AGE_S = 600;

export function embedCors(origins: string[]): Middleware {
  const allowed = new Set(origins);
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    const listed = origin !== '' && allowed.has(origin);
    const personal = REFERRER_API.test(ctx.path);
    // A preflight asks before a write (or a JSON body) is sent from the council's page.
    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method') && personal) {
      ctx.vary('Origin');
      if (!listed) {
        ctx.status = 204;
        return;
      }
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Access-Control-Allow-Credentials', 'true');
      ctx.set('Access-Control-Allow-Methods', METHODS);
      ctx.set('Access-Control-Allow-Headers', 'content-type, accept');
      ctx.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 204;
      return;
    }
    await next();
    if (!personal && !SHARED.test(ctx.path)) return;
    ctx.vary('Origin');
    if (!listed || (!personal && !['GET', 'HEAD'].includes(ctx.method))) return;
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Allow-Credentials', 'true');
  };
}
