/** The account API: registering, signing in with an emailed code, passwords, the session. */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import type { AccountStatus, AccountUser, CodeSent, SessionTiming, SignedIn } from '../../engine/index.ts';
import type { AccountService, PendingFlow } from '../services/accounts/index.ts';
import type { SessionService, ActiveSession } from '../services/sessions.ts';
import { SESSION_COOKIE, requireSession } from '../http/session-cookie.ts';
import { bodyOf, text, NO_FIELDS } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';

const FLOW_COOKIE = 'asc_flow';
/** Set and read back to learn whether this browser keeps the portal's cookies where the form is shown. */
const CHECK_COOKIE = 'asc_cookie_check';
const CHECK_PATH = '/api/account/cookie-check';

export interface AccountRouteOptions {
  accounts: AccountService;
  sessions: SessionService;
  secureCookies: boolean;
}

/** The bodies the account routes take (also published in /api/openapi.json). */
export const accountSchemas = {
  register: {
    type: 'object',
    additionalProperties: false,
    required: ['forename', 'surname', 'email', 'password', 'confirmPassword'],
    properties: {
      forename: text(100),
      surname: text(100),
      email: text(254),
      password: text(200),
      confirmPassword: text(200),
    },
  },
  signIn: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password'],
    properties: { email: text(254), password: text(200) },
  },
  code: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: text(20) } },
  email: { type: 'object', additionalProperties: false, required: ['email'], properties: { email: text(254) } },
  reset: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'password', 'confirmPassword'],
    properties: { code: text(20), password: text(200), confirmPassword: text(200) },
  },
  change: {
    type: 'object',
    additionalProperties: false,
    required: ['currentPassword', 'password', 'confirmPassword'],
    properties: { currentPassword: text(200), password: text(200), confirmPassword: text(200) },
  },
} as const;

function publicUser(user: AccountUser): AccountUser {
  return { forename: user.forename, surname: user.surname, email: user.email };
}

/** What GET /api/account says of a live session (the portal's page carries the same). */
export function accountStatus(session: ActiveSession, now: number): AccountStatus {
  return {
    user: publicUser(session.user),
    expiresAt: session.session.expiresAt,
    idleExpiresAt: session.idleExpiresAt,
    idleRemainingMs: session.idleExpiresAt - now,
  };
}

export function accountRoutes({ accounts, sessions, secureCookies }: AccountRouteOptions): Router {
  const router = new Router({ prefix: '/api/account' });
  const context = (ctx: Context) => ({ ip: ctx.ip });

  router.use(noStore());

  const setFlow = (ctx: Context, pending: PendingFlow) => {
    ctx.cookies.set(FLOW_COOKIE, pending.flowToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/api/account',
      expires: new Date(pending.flowExpiresAt),
      overwrite: true,
    });
    ctx.status = 202;
    ctx.body = {
      email: pending.email,
      expiresAt: pending.expiresAt,
      expiresInMs: pending.expiresAt - sessions.now(),
    } satisfies CodeSent;
  };
  const setSession = (ctx: Context, session: { token: string }) => {
    ctx.cookies.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      overwrite: true,
    });
    ctx.cookies.set(FLOW_COOKIE, null, { path: '/api/account' });
  };
  const active = (ctx: Context, touch = true): Promise<ActiveSession> => requireSession(ctx, sessions, touch);
  const flowCookie = (ctx: Context) => ctx.cookies.get(FLOW_COOKIE);

  // Times are also given as what remains, so a browser whose clock is wrong still counts right.
  const remaining = (idleExpiresAt: number): SessionTiming => ({
    idleExpiresAt,
    idleRemainingMs: idleExpiresAt - sessions.now(),
  });
  router.get('/', async (ctx) => {
    // Nobody signed in is an everyday answer for a page asking, not an error (and no red line in
    // its console); a cookie that no longer works still gets 401.
    if (!ctx.cookies.get(SESSION_COOKIE)) {
      ctx.body = { user: null } satisfies AccountStatus;
      return;
    }
    ctx.body = accountStatus(await active(ctx), sessions.now());
  });
  /** How long the session has left, without counting as activity: for a tab deciding whether to warn. */
  router.get('/session', async (ctx) => {
    const session = await active(ctx, false);
    ctx.body = remaining(session.idleExpiresAt);
  });
  router.post('/keep-alive', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    const session = await active(ctx);
    ctx.body = remaining(await sessions.keepAlive(session));
  });

  // An embedded form asks before it shows the sign-in: on a page of another site, or in a frame
  // from one, the browser keeps no cookie of the portal's, and signing in there would fail after
  // the person typed their password. The test cookie has the session cookie's attributes.
  router.post('/cookie-check', (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    ctx.cookies.set(CHECK_COOKIE, '1', {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: CHECK_PATH,
      maxAge: 5 * 60 * 1000,
      overwrite: true,
    });
    ctx.status = 204;
  });
  router.get('/cookie-check', (ctx) => {
    ctx.body = { kept: ctx.cookies.get(CHECK_COOKIE) === '1' };
    ctx.cookies.set(CHECK_COOKIE, null, { path: CHECK_PATH });
  });

  router.post('/registrations', async (ctx) =>
    setFlow(
      ctx,
      await accounts.register(
        bodyOf<{ forename: string; surname: string; email: string; password: string; confirmPassword: string }>(
          ctx,
          accountSchemas.register,
        ),
        context(ctx),
      ),
    ),
  );
  router.post('/registrations/code', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    setFlow(ctx, await accounts.resendRegistrationCode(flowCookie(ctx)));
  });
  router.post('/registrations/verify', async (ctx) => {
    const { user, session } = await accounts.verifyRegistration(
      flowCookie(ctx),
      bodyOf<{ code: string }>(ctx, accountSchemas.code).code,
      context(ctx),
    );
    setSession(ctx, session);
    ctx.status = 201;
    ctx.body = { user: publicUser(user), ...remaining(session.idleExpiresAt) } satisfies SignedIn;
  });

  router.post('/sign-in', async (ctx) =>
    setFlow(
      ctx,
      await accounts.startSignIn(bodyOf<{ email: string; password: string }>(ctx, accountSchemas.signIn), context(ctx)),
    ),
  );
  router.post('/sign-in/code', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    setFlow(ctx, await accounts.resendSignInCode(flowCookie(ctx)));
  });
  router.post('/sign-in/verify', async (ctx) => {
    const { user, session } = await accounts.verifySignIn(
      flowCookie(ctx),
      bodyOf<{ code: string }>(ctx, accountSchemas.code).code,
      context(ctx),
    );
    setSession(ctx, session);
    ctx.body = { user: publicUser(user), ...remaining(session.idleExpiresAt) } satisfies SignedIn;
  });

  router.post('/password-reset', async (ctx) =>
    setFlow(
      ctx,
      await accounts.requestPasswordReset(bodyOf<{ email: string }>(ctx, accountSchemas.email), context(ctx)),
    ),
  );
  router.post('/password-reset/code', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    setFlow(ctx, await accounts.resendResetCode(flowCookie(ctx)));
  });
  router.post('/password-reset/confirm', async (ctx) => {
    await accounts.resetPassword(
      flowCookie(ctx),
      bodyOf<{ code: string; password: string; confirmPassword: string }>(ctx, accountSchemas.reset),
      context(ctx),
    );
    ctx.cookies.set(FLOW_COOKIE, null, { path: '/api/account' });
    ctx.status = 204;
  });

  router.post('/password', async (ctx) => {
    const session = await active(ctx);
    setSession(
      ctx,
      await accounts.changePassword(
        session,
        bodyOf<{ currentPassword: string; password: string; confirmPassword: string }>(ctx, accountSchemas.change),
        context(ctx),
      ),
    );
    ctx.status = 204;
  });
  router.post('/sign-out', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    // The browser forgets what it kept of this person, even when their session had already ended.
    // Not "cookies": those would go for the council's whole domain (www.council.gov.uk's and every
    // other service's too); the portal's own cookies are expired by name instead.
    ctx.set('Clear-Site-Data', '"cache", "storage"');
    ctx.cookies.set(FLOW_COOKIE, null, { path: '/api/account' });
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
    const session = await active(ctx, false);
    await accounts.signOut(session, context(ctx));
    ctx.status = 204;
  });

  return router;
}
