/** /api/openapi.json: the API as it stands, for integrators. It grows with the API. */
import { Router } from '@koa/router';
import { accountSchemas } from './account.ts';
import { draftSchemas } from './drafts.ts';
import { submissionSchemas } from './submissions.ts';
import { NO_FIELDS } from '../http/json-body.ts';

const json = (schema: Record<string, unknown>, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const problem = { $ref: '#/components/schemas/Problem' };
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const user = { $ref: '#/components/schemas/User' };
const sessionTiming = { idleExpiresAt: { type: 'integer' }, idleRemainingMs: { type: 'integer' } };
const codeSent = json(
  {
    type: 'object',
    properties: {
      email: { type: 'string' },
      expiresAt: { type: 'integer', description: 'When the code stops working (milliseconds since 1970)' },
      expiresInMs: { type: 'integer', description: "How long the code has left, by the server's clock" },
    },
  },
  'A code was emailed (if the address has an account, for sign-in and reset: the answer is the same either way); the steps that follow are tied to this browser by a cookie',
);
const refused = json(problem, 'What to fix, box by box (error.fields)');
const limited = json(problem, 'Too many tries: Retry-After says when to try again');
/** A step of registering, signing in or resetting a password: a POST with a body. */
const step = (summary: string, schema: Record<string, unknown>, responses: Record<number, unknown>) => ({
  post: { summary, requestBody: body(schema), responses: { ...responses, 400: refused, 429: limited } },
});
const signedIn = { 401: json(problem, 'Not signed in, or the session has ended') };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'asc-forms portal API',
    version: '1',
    description:
      "Forms, their definitions, the portal content, the captcha at form start, accounts, forms saved for later and submissions. Every request that changes something takes JSON and must come from the portal's own site. Definitions follow /schemas/definition.schema.json; the answers of each form version follow its answers schema.",
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'Whether the server can serve',
        responses: { 200: json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Serving') },
      },
    },
    '/api/portal': {
      get: {
        summary: "The portal's content: council, tiles, notices",
        responses: { 200: json({ $ref: '/schemas/portal.schema.json' }, 'The content of forms/portal.json') },
      },
    },
    '/api/forms': {
      get: {
        summary: 'The forms open for referrals, each at its latest published version',
        responses: {
          200: json(
            {
              type: 'object',
              properties: { forms: { type: 'array', items: { $ref: '#/components/schemas/FormSummary' } } },
            },
            'The forms',
          ),
        },
      },
    },
    '/api/forms/{formId}': {
      get: {
        summary: "A form's latest published version, with where its validators are",
        parameters: [{ name: 'formId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: json({ $ref: '#/components/schemas/FormVersion' }, 'The form'),
          404: json(problem, 'No such form'),
        },
      },
    },
    '/api/forms/{formId}/versions/{version}': {
      get: {
        summary: 'One version of a form (retired versions too, for forms started on them)',
        parameters: [
          { name: 'formId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: json({ $ref: '#/components/schemas/FormVersion' }, 'The form version'),
          400: json(problem, 'The version is not a number'),
          404: json(problem, 'No such version'),
        },
      },
    },
    '/api/forms/{formId}/versions/{version}/answers.schema.json': {
      get: {
        summary: "The JSON Schema of this version's submitted answers",
        parameters: [
          { name: 'formId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { 200: json({ type: 'object' }, 'A JSON Schema (2020-12)'), 404: json(problem, 'No such version') },
      },
    },
    '/api/captcha/challenge': {
      get: {
        summary: 'A new captcha challenge for starting a form (never cached)',
        description:
          'With CAPTCHA=altcha (the default), an ALTCHA proof-of-work challenge for the altcha widget (PBKDF2/SHA-256, signed, valid 10 minutes). With CAPTCHA=off, only the provider.',
        responses: { 200: json({ $ref: '#/components/schemas/CaptchaChallenge' }, 'The challenge') },
      },
    },
    '/api/captcha/verify': {
      post: {
        summary:
          "Checks the captcha's answer, once only, and gives a proof that the form was started by someone who passed it",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  payload: { description: "The widget's answer: for ALTCHA, the base64 payload of its verified event" },
                },
              },
            },
          },
        },
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                verified: { const: true },
                token: {
                  type: 'string',
                  description: 'A JWT (HS256, audience form-start) to send when the form is started',
                },
                expiresAt: { type: 'integer', description: 'When the token stops working (milliseconds since 1970)' },
              },
            },
            'The answer is good',
          ),
          400: json(problem, 'The answer is missing, wrong, expired, changed or already used (code captcha-failed)'),
        },
      },
    },
    '/api/account': {
      get: {
        summary: 'Who is signed in in this browser, and how long their session has left',
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                user: { oneOf: [user, { type: 'null' }] },
                expiresAt: { type: 'integer' },
                idleExpiresAt: { type: 'integer' },
                idleRemainingMs: { type: 'integer' },
              },
            },
            'user is null when nobody is signed in',
          ),
          401: json(problem, 'The session cookie no longer works (signed out, timed out or revoked)'),
        },
      },
    },
    '/api/account/session': {
      get: {
        summary: 'Time left before the idle timeout, without counting as activity',
        responses: {
          200: json(
            {
              type: 'object',
              properties: sessionTiming,
            },
            'Time left',
          ),
          ...signedIn,
        },
      },
    },
    '/api/account/keep-alive': {
      post: {
        summary: 'The person is still at work: the idle timeout starts again',
        requestBody: body(NO_FIELDS),
        responses: {
          200: json({ type: 'object', properties: { idleRemainingMs: { type: 'integer' } } }, 'Time left'),
          ...signedIn,
        },
      },
    },
    '/api/account/registrations': step(
      'Registers: names, email and password (under the password policy); emails a verification code',
      accountSchemas.register,
      { 202: codeSent },
    ),
    '/api/account/registrations/code': step('Sends a new verification code', NO_FIELDS, { 202: codeSent }),
    '/api/account/registrations/verify': step(
      'Checks the verification code ("123456" or "123 456"); the account exists and is signed in',
      accountSchemas.code,
      {
        201: json(
          { type: 'object', properties: { user, ...sessionTiming } },
          'Registered and signed in (session cookie set)',
        ),
        409: json(problem, 'The registration timed out: start again'),
      },
    ),
    '/api/account/sign-in': step('Checks email and password; emails a sign-in code', accountSchemas.signIn, {
      202: codeSent,
    }),
    '/api/account/sign-in/code': step('Sends a new sign-in code', NO_FIELDS, { 202: codeSent }),
    '/api/account/sign-in/verify': step('Checks the sign-in code; the person is signed in', accountSchemas.code, {
      200: json({ type: 'object', properties: { user, ...sessionTiming } }, 'Signed in (session cookie set)'),
    }),
    '/api/account/password-reset': step(
      'Forgotten password: emails a code if the address has an account',
      accountSchemas.email,
      { 202: codeSent },
    ),
    '/api/account/password-reset/code': step('Sends a new reset code', NO_FIELDS, { 202: codeSent }),
    '/api/account/password-reset/confirm': step(
      'Checks the code and sets the new password; every session of the account ends',
      accountSchemas.reset,
      { 204: { description: 'Password changed' } },
    ),
    '/api/account/password': step(
      'Changes the password (the current one is asked for); other sessions end',
      accountSchemas.change,
      { 204: { description: 'Password changed (a new session cookie is set)' }, ...signedIn },
    ),
    '/api/account/sign-out': {
      post: {
        summary: 'Signs out: the session ends on the server',
        requestBody: body(NO_FIELDS),
        responses: { 204: { description: 'Signed out' }, ...signedIn },
      },
    },
    '/api/submissions': {
      get: {
        summary: "The signed-in person's submissions of the last 30 days, the most recent first",
        responses: {
          200: json(
            {
              type: 'object',
              properties: { submissions: { type: 'array', items: { $ref: '#/components/schemas/Submission' } } },
            },
            'Their submissions',
          ),
          ...signedIn,
        },
      },
      post: {
        summary:
          'Submits a complete form. The answers are checked against that form version; the confirmation email and the delivery to the case system (WEBHOOK_URL: a POST of a compact JWS, HS256 with WEBHOOK_SECRET) go through an outbox and are retried until they succeed. The saved copy named by draftId is deleted.',
        requestBody: body(submissionSchemas.submit),
        responses: {
          201: json(
            { type: 'object', properties: { submission: { $ref: '#/components/schemas/Submission' } } },
            'Submitted',
          ),
          200: json(
            { type: 'object', properties: { submission: { $ref: '#/components/schemas/Submission' } } },
            'Already submitted with this idempotencyKey: the same submission',
          ),
          400: json(problem, 'No such form, or answers missing or to change (error.fields, by answer path)'),
          ...signedIn,
        },
      },
    },
    '/api/drafts': {
      get: {
        summary: "The signed-in person's forms saved for later, the most recently saved first",
        responses: {
          200: json(
            {
              type: 'object',
              properties: { drafts: { type: 'array', items: { $ref: '#/components/schemas/Draft' } } },
            },
            'Their drafts',
          ),
          401: json(problem, 'Not signed in'),
        },
      },
      post: {
        summary:
          'Saves a form for later; the answers are checked against that form version and kept encrypted for 30 days',
        requestBody: body(draftSchemas.create),
        responses: {
          201: json({ type: 'object', properties: { draft: { $ref: '#/components/schemas/Draft' } } }, 'Saved'),
          400: json(problem, 'No such form or page, or an answer the form cannot hold'),
          401: json(problem, 'Not signed in'),
        },
      },
    },
    '/api/drafts/{draftId}': {
      parameters: [{ name: 'draftId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: {
        summary: 'A saved form with its answers, to carry on with',
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                draft: { allOf: [{ $ref: '#/components/schemas/Draft' }], properties: { answers: { type: 'object' } } },
              },
            },
            'The draft',
          ),
          401: json(problem, 'Not signed in'),
          404: json(problem, 'No such draft for this person'),
        },
      },
      put: {
        summary: 'Saves over a draft, from the version the page last saw',
        requestBody: body(draftSchemas.update),
        responses: {
          200: json({ type: 'object', properties: { draft: { $ref: '#/components/schemas/Draft' } } }, 'Saved'),
          404: json(problem, 'No such draft for this person'),
          409: json(problem, 'Saved since from elsewhere (code stale-draft): nothing was changed'),
        },
      },
      delete: {
        summary: 'Deletes a saved form',
        responses: { 204: { description: 'Deleted' }, 404: json(problem, 'No such draft for this person') },
      },
    },
  },
  components: {
    schemas: {
      Problem: {
        type: 'object',
        properties: {
          error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
      CaptchaChallenge: {
        type: 'object',
        required: ['provider'],
        properties: {
          provider: { type: 'string', description: 'Which widget to show: altcha, or off (no check)' },
          parameters: { type: 'object', description: 'ALTCHA: the challenge parameters' },
          signature: { type: 'string', description: "ALTCHA: the server's signature of the parameters" },
        },
      },
      Submission: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          reference: { type: 'string', description: 'What the person quotes, like ASC-7K3F-9QX2' },
          formId: { type: 'string' },
          formVersion: { type: 'integer' },
          formTitle: { type: 'string' },
          submittedAt: { type: 'integer', description: 'Milliseconds since 1970' },
        },
      },
      User: {
        type: 'object',
        properties: { forename: { type: 'string' }, surname: { type: 'string' }, email: { type: 'string' } },
      },
      Draft: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          formId: { type: 'string' },
          formVersion: { type: 'integer' },
          formTitle: { type: 'string' },
          pageId: { type: 'string' },
          pageTitle: { type: 'string' },
          progress: { type: 'integer', description: 'Percent complete at that page' },
          version: { type: 'integer', description: 'Counts saves: send it with the next save' },
          savedAt: { type: 'integer', description: 'Milliseconds since 1970' },
          deleteAt: { type: 'integer', description: 'When it will be deleted unless saved again' },
        },
      },
      FormSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          version: { type: 'integer' },
        },
      },
      FormVersion: {
        type: 'object',
        properties: {
          definition: { $ref: '/schemas/definition.schema.json' },
          validators: { type: 'string', description: 'URL of the ES module of precompiled page validators' },
          notices: { type: 'object' },
          accountGate: { type: 'array' },
          council: { type: 'object' },
        },
      },
    },
  },
};

export function openApiRoutes(): Router {
  const router = new Router();
  router.get('/api/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = openApiDocument;
  });
  return router;
}
