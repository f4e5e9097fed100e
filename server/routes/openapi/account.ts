/** The description of the account API: registering, signing in, passwords, the session (routes/account.ts). */
import { accountSchemas } from '../account.ts';
import { NO_FIELDS } from '../../http/json-body.ts';
import { anybody, anybodyOrReferrer, body, busy, json, limited, referrer, refusal, signedIn } from './shared.ts';

type Schema = Record<string, unknown>;
const user = { $ref: '#/components/schemas/User' };
const edith = { forename: 'Edith', surname: 'Marsh', email: 'edith.marsh@example.org' };
const sessionTiming = { idleExpiresAt: { type: 'integer' }, idleRemainingMs: { type: 'integer' } };
const timing = { idleExpiresAt: 1767261600000, idleRemainingMs: 1200000 };
const timingSchema = { type: 'object', required: ['idleExpiresAt', 'idleRemainingMs'], properties: sessionTiming };
const signedInBody = (description: string) =>
  json(
    { type: 'object', required: ['user', 'idleExpiresAt', 'idleRemainingMs'], properties: { user, ...sessionTiming } },
    description,
    { user: edith, ...timing },
  );
const codeSent = json(
  {
    type: 'object',
    required: ['email', 'expiresAt', 'expiresInMs'],
    properties: {
      email: { type: 'string' },
      expiresAt: { type: 'integer', description: 'When the code stops working (milliseconds since 1970)' },
      expiresInMs: { type: 'integer', description: "How long the code has left, by the server's clock" },
    },
  },
  'A code was emailed (if the address has an account, for sign-in and reset: the answer is the same either way); the steps that follow are tied to this browser by a cookie (asc_flow)',
  { email: 'edith.marsh@example.org', expiresAt: 1767261600000, expiresInMs: 900000 },
);
const refused = refusal('What to fix, box by box (error.fields)', 'invalid', 'Enter your email address', {
  fields: [{ field: 'email', message: 'Enter your email address' }],
});
const timedOut = (message: string) => ({ 409: refusal('The step timed out: start again', 'flow-expired', message) });

/** A step of registering, signing in or resetting a password: a POST with a body, by anybody. */
const step = (
  operationId: string,
  summary: string,
  [schema, example]: [Schema, unknown],
  responses: Record<number, unknown>,
) => ({
  post: {
    operationId,
    tags: ['account'],
    summary,
    ...anybody,
    requestBody: body(schema, example),
    responses: { 400: refused, 429: limited, ...responses },
  },
});
const noFields: [Schema, unknown] = [NO_FIELDS, {}];
const code: [Schema, unknown] = [accountSchemas.code, { code: '123 456' }];
const newPassword = { password: 'Crosby-tide-lantern-9', confirmPassword: 'Crosby-tide-lantern-9' };

export const accountApi = {
  paths: {
    '/api/account': {
      get: {
        operationId: 'getAccount',
        tags: ['account'],
        summary: 'Who is signed in in this browser, and how long their session has left',
        ...anybodyOrReferrer,
        responses: {
          200: json(
            {
              oneOf: [
                { type: 'object', required: ['user'], properties: { user: { type: 'null' } } },
                {
                  type: 'object',
                  required: ['user', 'expiresAt', 'idleExpiresAt', 'idleRemainingMs'],
                  properties: { user, expiresAt: { type: 'integer' }, ...sessionTiming },
                },
              ],
            },
            'user is null when nobody is signed in',
            { user: edith, expiresAt: 1767301200000, ...timing },
          ),
          401: refusal(
            'The session cookie no longer works (signed out, timed out or revoked)',
            'unauthorised',
            'Your session has ended: sign in again.',
          ),
        },
      },
    },
    '/api/account/session': {
      get: {
        operationId: 'getAccountSession',
        tags: ['account'],
        summary: 'Time left before the idle timeout, without counting as activity',
        ...referrer,
        responses: { 200: json(timingSchema, 'Time left', timing), ...signedIn },
      },
    },
    '/api/account/keep-alive': {
      post: {
        operationId: 'keepAccountSessionAlive',
        tags: ['account'],
        summary: 'The person is still at work: the idle timeout starts again',
        ...referrer,
        requestBody: body(NO_FIELDS, {}),
        responses: { 200: json(timingSchema, 'Time left', timing), ...signedIn },
      },
    },
    '/api/account/cookie-check': {
      post: {
        operationId: 'setCookieCheck',
        tags: ['account'],
        summary:
          "Sets a test cookie (asc_cookie_check) with the session cookie's attributes; an embedded form then reads it back to learn whether this browser keeps the portal's cookies on the page it is on",
        ...anybody,
        requestBody: body(NO_FIELDS, {}),
        responses: { 204: { description: 'The test cookie was set' } },
      },
      get: {
        operationId: 'getCookieCheck',
        tags: ['account'],
        summary:
          'Whether the test cookie came back (and clears it): false on a page of another site, or in a frame from one, where signing in cannot work',
        ...anybody,
        responses: {
          200: json(
            { type: 'object', required: ['kept'], properties: { kept: { type: 'boolean' } } },
            'Whether the browser kept the cookie',
            { kept: true },
          ),
        },
      },
    },
    '/api/account/registrations': step(
      'register',
      'Registers: names, email and password (under the password policy); emails a verification code',
      [
        accountSchemas.register,
        { forename: 'Edith', surname: 'Marsh', email: 'edith.marsh@example.org', ...newPassword },
      ],
      { 202: codeSent, ...busy },
    ),
    '/api/account/registrations/code': step('resendRegistrationCode', 'Sends a new verification code', noFields, {
      202: codeSent,
      ...timedOut('Your registration has timed out: start again'),
    }),
    '/api/account/registrations/verify': step(
      'verifyRegistration',
      'Checks the verification code ("123456" or "123 456"); the account exists and is signed in',
      code,
      {
        201: signedInBody('Registered and signed in (session cookie set)'),
        ...timedOut('Your registration has timed out: start again'),
      },
    ),
    '/api/account/sign-in': step(
      'signIn',
      'Checks email and password; emails a sign-in code',
      [accountSchemas.signIn, { email: 'edith.marsh@example.org', password: 'Crosby-tide-lantern-9' }],
      { 202: codeSent, ...busy },
    ),
    '/api/account/sign-in/code': step('resendSignInCode', 'Sends a new sign-in code', noFields, {
      202: codeSent,
      ...timedOut('Signing in has timed out: enter your email and password again'),
    }),
    '/api/account/sign-in/verify': step('verifySignIn', 'Checks the sign-in code; the person is signed in', code, {
      200: signedInBody('Signed in (session cookie set)'),
      ...timedOut('Signing in has timed out: enter your email and password again'),
    }),
    '/api/account/password-reset': step(
      'startPasswordReset',
      'Forgotten password: emails a code if the address has an account',
      [accountSchemas.email, { email: 'edith.marsh@example.org' }],
      { 202: codeSent },
    ),
    '/api/account/password-reset/code': step('resendPasswordResetCode', 'Sends a new reset code', noFields, {
      202: codeSent,
      ...timedOut('Resetting your password has timed out: start again'),
    }),
    '/api/account/password-reset/confirm': step(
      'confirmPasswordReset',
      'Checks the code and sets the new password; every session of the account ends',
      [accountSchemas.reset, { code: '123456', ...newPassword }],
      {
        204: { description: 'Password changed' },
        ...timedOut('Resetting your password has timed out: start again'),
        ...busy,
      },
    ),
    '/api/account/password': {
      post: {
        ...step(
          'changePassword',
          'Changes the password (the current one is asked for); other sessions end',
          [
            accountSchemas.change,
            {
              currentPassword: 'Crosby-tide-lantern-9',
              password: 'Formby-pine-harbour-4',
              confirmPassword: 'Formby-pine-harbour-4',
            },
          ],
          { 204: { description: 'Password changed (a new session cookie is set)' }, ...signedIn, ...busy },
        ).post,
        ...referrer,
      },
    },
    '/api/account/sign-out': {
      post: {
        operationId: 'signOut',
        tags: ['account'],
        summary: 'Signs out: the session ends on the server',
        ...referrer,
        requestBody: body(NO_FIELDS, {}),
        responses: { 204: { description: 'Signed out' }, ...signedIn },
      },
    },
  },
  schemas: {
    User: {
      type: 'object',
      required: ['forename', 'surname', 'email'],
      properties: { forename: { type: 'string' }, surname: { type: 'string' }, email: { type: 'string' } },
    },
  },
};
