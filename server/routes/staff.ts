/** The staff API (/api/staff): setting up, signing in with an authenticator app, the session. */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import type { StaffNext, StaffSessionBody, StaffSignedInBody, StaffUser } from '../../engine/index.ts';
import type { StaffMember } from '../repositories/staff.ts';
import type { SessionService } from '../services/sessions.ts';
import type { StaffNextStep, StaffServices, StaffSignedIn } from '../services/staff/index.ts';
import { STAFF_COOKIE, requireStaff } from '../http/staff-session.ts';
import { bodyOf, text, NO_FIELDS } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';

const FLOW_COOKIE = 'asc_staff_flow';

/** The bodies the staff routes take (also published in /api/openapi.json). */
export const staffSchemas = {
  setUp: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'setupCode', 'password', 'confirmPassword'],
    properties: { email: text(254), setupCode: text(30), password: text(200), confirmPassword: text(200) },
  },
  signIn: {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password'],
    properties: { email: text(254), password: text(200) },
  },
  code: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: text(20) } },
} as const;

export function staffUser(member: StaffMember): StaffUser {
  return { forename: member.forename, surname: member.surname, email: member.email, isAdmin: member.isAdmin };
}

export function staffRoutes(deps: {
  staff: StaffServices;
  referrerSessions: SessionService;
  secureCookies: boolean;
}): Router {
  const { staff, referrerSessions, secureCookies } = deps;
  const router = new Router({ prefix: '/api/staff' });
  const context = (ctx: Context) => ({ ip: ctx.ip });
  router.use(noStore());

  const next = (ctx: Context, step: StaffNextStep) => {
    ctx.cookies.set(FLOW_COOKIE, step.flowToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/api/staff',
      expires: new Date(step.flowExpiresAt),
      overwrite: true,
    });
    ctx.status = 202;
    ctx.body = (
      step.next === 'enrol'
        ? { next: 'enrol', enrolment: { ...step.enrolment, secret: step.enrolment.secret.match(/.{1,4}/g)!.join(' ') } }
        : { next: 'code' }
    ) satisfies StaffNext;
  };
  const signedIn = (ctx: Context, done: StaffSignedIn) => {
    // Strict: a staff session is never sent with a request another site started.
    ctx.cookies.set(STAFF_COOKIE, done.session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureCookies,
      path: '/',
      overwrite: true,
    });
    ctx.cookies.set(FLOW_COOKIE, null, { path: '/api/staff' });
    ctx.body = {
      staff: staffUser(done.member),
      expiresAt: done.session.expiresAt,
      idleExpiresAt: done.session.idleExpiresAt,
      idleRemainingMs: done.session.idleExpiresAt - staff.sessions.now(),
      ...(done.recoveryCodes ? { recoveryCodes: done.recoveryCodes } : {}),
      ...(done.recoveryCodesLeft !== undefined ? { recoveryCodesLeft: done.recoveryCodesLeft } : {}),
    } satisfies StaffSignedInBody;
  };
  const flowCookie = (ctx: Context) => ctx.cookies.get(FLOW_COOKIE);

  router.post('/set-up', async (ctx) =>
    next(
      ctx,
      await staff.signIn.setUp(
        bodyOf<{ email: string; setupCode: string; password: string; confirmPassword: string }>(
          ctx,
          staffSchemas.setUp,
        ),
        context(ctx),
      ),
    ),
  );
  router.post('/sign-in', async (ctx) =>
    next(
      ctx,
      await staff.signIn.startSignIn(
        bodyOf<{ email: string; password: string }>(ctx, staffSchemas.signIn),
        context(ctx),
      ),
    ),
  );
  router.post('/sign-in/enrol', async (ctx) => {
    const { code } = bodyOf<{ code: string }>(ctx, staffSchemas.code);
    signedIn(ctx, await staff.signIn.enrol(flowCookie(ctx), code, context(ctx)));
    ctx.status = 201;
  });
  router.post('/sign-in/code', async (ctx) => {
    const { code } = bodyOf<{ code: string }>(ctx, staffSchemas.code);
    signedIn(ctx, await staff.signIn.verifyCode(flowCookie(ctx), code, context(ctx)));
  });
  router.get('/session', async (ctx) => {
    const active = await requireStaff(ctx, staff.sessions, referrerSessions);
    ctx.body = {
      staff: staffUser(active.user),
      expiresAt: active.session.expiresAt,
      idleExpiresAt: active.idleExpiresAt,
      idleRemainingMs: active.idleExpiresAt - staff.sessions.now(),
    } satisfies StaffSessionBody;
  });
  /** How long the session has left, without counting as activity: for a tab deciding whether to warn. */
  router.get('/session/left', async (ctx) => {
    const active = await requireStaff(ctx, staff.sessions, referrerSessions, false);
    ctx.body = {
      expiresAt: active.session.expiresAt,
      idleExpiresAt: active.idleExpiresAt,
      idleRemainingMs: active.idleExpiresAt - staff.sessions.now(),
    };
  });
  router.post('/keep-alive', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    const active = await requireStaff(ctx, staff.sessions, referrerSessions);
    const idleExpiresAt = await staff.sessions.keepAlive(active);
    ctx.body = {
      expiresAt: active.session.expiresAt,
      idleExpiresAt,
      idleRemainingMs: idleExpiresAt - staff.sessions.now(),
    };
  });
  router.post('/sign-out', async (ctx) => {
    bodyOf(ctx, NO_FIELDS);
    const active = await requireStaff(ctx, staff.sessions, referrerSessions, false);
    await staff.signIn.signOut(active, context(ctx));
    ctx.cookies.set(STAFF_COOKIE, null, { path: '/' });
    ctx.status = 204;
  });
  return router;
}
