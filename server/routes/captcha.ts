/**
 * The captcha at form start: a challenge to solve, and the check of its answer, which gives the
 * page a short-lived signed proof (audience form-start) to show when it starts the form.
 */
import { Router } from '@koa/router';
import type { CaptchaVerified } from '../../engine/index.ts';
import type { CaptchaVerifier } from '../services/captcha.ts';
import { MINUTE, type Clock } from '../services/clock.ts';
import type { Tokens } from '../services/tokens.ts';
import { RefusedError } from '../services/errors.ts';
import { bodyOf } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';

/** How long the proof lasts: time to read the first pages before the form is started. */
export const FORM_START_TOKEN_LIFETIME_MS = 30 * MINUTE;
export const CAPTCHA_FAILED_MESSAGE = 'The check that you are not a robot did not work: try again';

export interface CaptchaRouteOptions {
  verifier: CaptchaVerifier;
  tokens: Tokens;
  clock: Clock;
}

// The payload is the provider's own (ALTCHA's is a base64 string); the 16 KB body limit bounds it
// and the verifier reads it, so any shape it does not know is "did not work", not a schema error.
const verifySchema = { type: 'object', additionalProperties: false, properties: { payload: {} } } as const;

export function captchaRoutes({ verifier, tokens, clock }: CaptchaRouteOptions): Router {
  const router = new Router({ prefix: '/api/captcha' });

  // A challenge is for one person once; an answer's proof is theirs alone.
  router.use(noStore());

  router.get('/challenge', async (ctx) => {
    ctx.body = { provider: verifier.name, ...(await verifier.challenge()) };
  });

  router.post('/verify', async (ctx) => {
    const { payload } = bodyOf<{ payload?: unknown }>(ctx, verifySchema);
    if (!(await verifier.verify(payload))) throw new RefusedError('captcha-failed', CAPTCHA_FAILED_MESSAGE);
    const expiresAt = clock.now() + FORM_START_TOKEN_LIFETIME_MS;
    ctx.body = {
      verified: true,
      token: await tokens.formStart(verifier.name, expiresAt),
      expiresAt,
    } satisfies CaptchaVerified;
  });

  return router;
}
