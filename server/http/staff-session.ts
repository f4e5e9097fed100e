/** The staff's session cookie, and the member behind it: what every route for council staff starts with. */
import type { Context } from 'koa';
import type { StaffMember } from '../repositories/staff.ts';
import type { ActiveSession, OwnedSessions, SessionService } from '../services/sessions.ts';
import { ForbiddenError, UnauthorisedError } from '../services/errors.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

export const STAFF_COOKIE = 'asc_staff';

/**
 * The request's staff session; 403 for a referrer signed in (their session is not staff's, and
 * never becomes it), 401 otherwise (and the dead cookie cleared).
 */
export async function requireStaff(
  ctx: Context,
  staffSessions: OwnedSessions<StaffMember>,
  referrerSessions: SessionService,
  touch = true,
): Promise<ActiveSession<StaffMember>> {
  const found = await staffSessions.authenticate(ctx.cookies.get(STAFF_COOKIE), { touch });
  if (found) return found;
  ctx.cookies.set(STAFF_COOKIE, null, { path: '/' });
  if (await referrerSessions.authenticate(ctx.cookies.get(SESSION_COOKIE), { touch: false }))
    throw new ForbiddenError(
      "This is for the council's staff. You are signed in as a referrer: staff sign in at /staff with their staff account.",
    );
  throw new UnauthorisedError('You are not signed in as staff, or your session has ended: sign in again at /staff.');
}
