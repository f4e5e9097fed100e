/**
 * In the preview the portal is signed in as a sample person, with no account and no session
 * behind it: pages that need an account show as they would to a referrer, and nothing the author
 * types is kept or sent. Save for later and Submit answer that they are not available in preview,
 * which the form shows where it says how saving or sending went; the account screens say the same.
 */
import { Router } from '@koa/router';
import { SESSION_IDLE_MS, SESSION_LONGEST_MS, type AccountStatus, type AccountUser } from '../../engine/index.ts';
import { HttpError } from '../../server/http/errors.ts';

export const SAMPLE_PERSON: AccountUser = { forename: 'Sam', surname: 'Sample', email: 'sam.sample@example.com' };

export const NOT_SAVED =
  'Save for later is not available in preview: nothing is saved. The preview keeps your answers when it reloads the page.';
export const NOT_SENT = 'Submit is not available in preview: nothing is sent to the council.';
const NO_ACCOUNTS =
  'Accounts are not available in preview: the preview shows every page as it looks to a signed-in person, Sam Sample.';

const refuse = (message: string) => () => {
  throw new HttpError(403, 'not-in-preview', message);
};

export function sampleSessionRoutes(): Router {
  const router = new Router({ prefix: '/api' });
  // A session that never ends for want of activity: the author may read for as long as they like.
  const timing = () => ({ idleExpiresAt: Date.now() + SESSION_IDLE_MS, idleRemainingMs: SESSION_IDLE_MS });
  router.get('/account', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { user: SAMPLE_PERSON, expiresAt: Date.now() + SESSION_LONGEST_MS, ...timing() } satisfies AccountStatus;
  });
  router.get('/account/session', (ctx) => {
    ctx.body = timing();
  });
  router.post('/account/keep-alive', (ctx) => {
    ctx.body = timing();
  });
  // Signing out shows the signed-out page; the next page opened is signed in again.
  router.post('/account/sign-out', (ctx) => {
    ctx.status = 204;
  });
  for (const path of [
    '/account/registrations',
    '/account/registrations/code',
    '/account/registrations/verify',
    '/account/sign-in',
    '/account/sign-in/code',
    '/account/sign-in/verify',
    '/account/password-reset',
    '/account/password-reset/code',
    '/account/password-reset/confirm',
    '/account/password',
  ])
    router.post(path, refuse(NO_ACCOUNTS));
  router.get('/drafts', (ctx) => {
    ctx.body = { drafts: [] };
  });
  router.get('/drafts/:id', refuse(NOT_SAVED));
  router.post('/drafts', refuse(NOT_SAVED));
  router.put('/drafts/:id', refuse(NOT_SAVED));
  router.delete('/drafts/:id', refuse(NOT_SAVED));
  router.get('/submissions', (ctx) => {
    ctx.body = { submissions: [] };
  });
  router.get('/submissions/:id', refuse(NOT_SENT));
  router.post('/submissions', refuse(NOT_SENT));
  router.post('/submissions/:id/replies', refuse(NOT_SENT));
  return router;
}
