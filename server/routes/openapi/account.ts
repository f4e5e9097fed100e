/** The description of the account API: registering, signing in, passwords, the session (routes/account.ts). */
import { accountSchemas } from '../account.ts';
import { NO_FIELDS } from '../../http/json-body.ts';
import { body, json, problem, signedIn } from './shared.ts';

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

export const accountApi = {
  paths: {
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
  },
  schemas: {
    User: {
      type: 'object',
      properties: { forename: { type: 'string' }, surname: { type: 'string' }, email: { type: 'string' } },
    },
  },
};
