/** The description of the staff API: setting up, signing in with an authenticator app, the session (routes/staff.ts). */
import { staffSchemas } from '../staff.ts';
import { NO_FIELDS } from '../../http/json-body.ts';
import { body, json, problem } from './shared.ts';

const staffUser = { $ref: '#/components/schemas/StaffUser' };
const timing = {
  expiresAt: { type: 'integer', description: 'When the session ends at the latest (8 hours after signing in)' },
  idleExpiresAt: { type: 'integer' },
  idleRemainingMs: { type: 'integer', description: 'Time left before 20 minutes without activity end it' },
};
const nextStep = json(
  {
    oneOf: [
      { type: 'object', required: ['next'], properties: { next: { const: 'code' } } },
      {
        type: 'object',
        required: ['next', 'enrolment'],
        properties: {
          next: { const: 'enrol' },
          enrolment: {
            type: 'object',
            properties: {
              secret: { type: 'string', description: 'The secret in base32, in groups of four, to type into the app' },
              uri: { type: 'string', description: 'The otpauth:// address the QR code holds' },
              qrSvg: { type: 'string', description: 'The QR code, an SVG image' },
            },
          },
        },
      },
    ],
  },
  'The password was right: next, a code from the authenticator app, or enrolling the app first (a cookie ties the next step to this browser)',
);
const signedInBody = (description: string) =>
  json(
    {
      type: 'object',
      properties: {
        staff: staffUser,
        ...timing,
        recoveryCodes: { type: 'array', items: { type: 'string' }, description: 'Shown once, after enrolling' },
        recoveryCodesLeft: { type: 'integer', description: 'After a recovery code was used' },
      },
    },
    description,
  );
const refused = json(problem, 'What to fix, box by box (error.fields)');
const limited = json(problem, 'Too many tries: Retry-After says when to try again');
const staffOnly = {
  401: json(problem, 'Not signed in as staff, or the session has ended'),
  403: json(problem, 'Signed in as a referrer: this is for the council staff'),
};
const step = (summary: string, schema: Record<string, unknown>, responses: Record<number, unknown>) => ({
  post: { summary, requestBody: body(schema), responses: { ...responses, 400: refused, 429: limited } },
});

export const staffApi = {
  paths: {
    '/api/staff/set-up': step(
      'The first time: email, the set-up code council IT gave, and a new password; next, enrol an authenticator app',
      staffSchemas.setUp,
      { 202: nextStep },
    ),
    '/api/staff/sign-in': step('Checks email and password', staffSchemas.signIn, { 202: nextStep }),
    '/api/staff/sign-in/enrol': step(
      'The first code from the newly added app: it is enrolled, recovery codes are made, and the member is signed in',
      staffSchemas.code,
      { 201: signedInBody('Enrolled and signed in (staff session cookie set)'), 409: json(problem, 'Timed out') },
    ),
    '/api/staff/sign-in/code': step('A code from the app, or a recovery code: signed in', staffSchemas.code, {
      200: signedInBody('Signed in (staff session cookie set)'),
      409: json(problem, 'Timed out: enter the email and password again'),
    }),
    '/api/staff/session': {
      get: {
        summary: 'Who is signed in as staff in this browser, and how long the session has left',
        responses: {
          200: json({ type: 'object', properties: { staff: staffUser, ...timing } }, 'Signed in'),
          ...staffOnly,
        },
      },
    },
    '/api/staff/session/left': {
      get: {
        summary: 'How long the session has left, without counting as activity: for a tab deciding whether to warn',
        responses: { 200: json({ type: 'object', properties: timing }, 'Time left'), ...staffOnly },
      },
    },
    '/api/staff/keep-alive': {
      post: {
        summary: 'The member is still at work: the idle timeout starts again (never past the 8 hours)',
        requestBody: body(NO_FIELDS),
        responses: { 200: json({ type: 'object', properties: timing }, 'Time left'), ...staffOnly },
      },
    },
    '/api/staff/sign-out': {
      post: {
        summary: 'Signs the member of staff out',
        requestBody: body(NO_FIELDS),
        responses: { 204: { description: 'Signed out' }, ...staffOnly },
      },
    },
  },
  schemas: {
    StaffUser: {
      type: 'object',
      properties: {
        forename: { type: 'string' },
        surname: { type: 'string' },
        email: { type: 'string' },
        isAdmin: { type: 'boolean', description: 'May manage staff and read the audit log' },
      },
    },
  },
};
