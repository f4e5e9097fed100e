/** The session cookie, and the signed-in person behind it: what every route for signed-in people starts with. */
import type { Context } from 'koa';
import type { SessionService, ActiveSession } from '../services/sessions.ts';
import { UnauthorisedError } from '../services/errors.ts';

export const SESSION_COOKIE = 'asc_session';

/**
 * The request's session, or 401 (and the dead cookie cleared). `touch` counts the request as
 * activity, which keeps the session alive; reading how long is left does not.
 */
export async function requireSession(ctx: Context, sessions: SessionService, touch = true): Promise<ActiveSession> {
  const found = await sessions.authenticate(ctx.cookies.get(SESSION_COOKIE), { touch });
  if (!found) {
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
    throw new UnauthorisedError('You are not signed in, or your session has ended: sign in again.');
  }
  return found;
}
