/** The description of the staff API: setting up, signing in with an authenticator app, the session (routes/staff.ts). */
import { staffSchemas } from '../staff.ts';
import { NO_FIELDS } from '../../http/json-body.ts';
import { anybody, body, busy, json, limited, refusal, staffMember, staffOnly } from './shared.ts';

type Schema = Record<string, unknown>;
const staffUser = { $ref: '#/components/schemas/StaffUser' };
const amira = { forename: 'Amira', surname: 'Okafor', email: 'amira.okafor@sefton.gov.uk', isAdmin: false };
const timing = {
  expiresAt: { type: 'integer', description: 'When the session ends at the latest (8 hours after signing in)' },
  idleExpiresAt: { type: 'integer' },
  idleRemainingMs: { type: 'integer', description: 'Time left before 20 minutes without activity end it' },
};
const timingRequired = ['expiresAt', 'idleExpiresAt', 'idleRemainingMs'];
const timingExample = { expiresAt: 1767204000000, idleExpiresAt: 1767177600000, idleRemainingMs: 1200000 };
const timeLeft = json({ type: 'object', required: timingRequired, properties: timing }, 'Time left', timingExample);
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
            required: ['secret', 'uri', 'qrSvg'],
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
  'The password was right: next, a code from the authenticator app, or enrolling the app first (a cookie, asc_staff_flow, ties the next step to this browser)',
  { next: 'code' },
);
const signedInBody = (description: string, example: Record<string, unknown>) =>
  json(
    {
      type: 'object',
      required: ['staff', ...timingRequired],
      properties: {
        staff: staffUser,
        ...timing,
        recoveryCodes: { type: 'array', items: { type: 'string' }, description: 'Shown once, after enrolling' },
        recoveryCodesLeft: { type: 'integer', description: 'After a recovery code was used' },
      },
    },
    description,
    { staff: amira, ...timingExample, ...example },
  );
const refused = refusal('What to fix, box by box (error.fields)', 'invalid', 'Enter the code from your app', {
  fields: [{ field: 'code', message: 'Enter the code from your app' }],
});
const timedOut = {
  409: refusal(
    'Timed out: enter the email and password again',
    'flow-expired',
    'Signing in has timed out: enter your email and password again',
  ),
};
const step = (
  operationId: string,
  summary: string,
  [schema, example]: [Schema, unknown],
  responses: Record<number, unknown>,
) => ({
  post: {
    operationId,
    tags: ['staff'],
    summary,
    ...anybody,
    requestBody: body(schema, example),
    responses: { 400: refused, 429: limited, ...responses },
  },
});
const password = 'Bootle-dock-lantern-7';
const code: [Schema, unknown] = [staffSchemas.code, { code: '492 817' }];
const staffOperation = (operationId: string, summary: string, responses: Record<number, unknown>) => ({
  operationId,
  tags: ['staff'],
  summary,
  ...staffMember,
  responses: { ...responses, ...staffOnly },
});

export const staffApi = {
  paths: {
    '/api/staff/set-up': step(
      'setUpStaffAccount',
      'The first time: email, the set-up code council IT gave, and a new password; next, enrol an authenticator app',
      [
        staffSchemas.setUp,
        { email: 'amira.okafor@sefton.gov.uk', setupCode: 'K7QM-2XPA-9RTE', password, confirmPassword: password },
      ],
      { 202: nextStep, ...busy },
    ),
    '/api/staff/sign-in': step(
      'signInStaff',
      'Checks email and password',
      [staffSchemas.signIn, { email: 'amira.okafor@sefton.gov.uk', password }],
      { 202: nextStep, ...busy },
    ),
    '/api/staff/sign-in/enrol': step(
      'enrolStaffAuthenticator',
      'The first code from the newly added app: it is enrolled, recovery codes are made, and the member is signed in',
      code,
      {
        201: signedInBody('Enrolled and signed in (staff session cookie set)', {
          recoveryCodes: ['4f7k-2m9q', 'h3x8-p1zr', 'w6c2-t9nb'],
        }),
        ...timedOut,
      },
    ),
    '/api/staff/sign-in/code': step('verifyStaffCode', 'A code from the app, or a recovery code: signed in', code, {
      200: signedInBody('Signed in (staff session cookie set)', {}),
      ...timedOut,
    }),
    '/api/staff/session': {
      get: staffOperation(
        'getStaffSession',
        'Who is signed in as staff in this browser, and how long the session has left',
        {
          200: json(
            { type: 'object', required: ['staff', ...timingRequired], properties: { staff: staffUser, ...timing } },
            'Signed in',
            {
              staff: amira,
              ...timingExample,
            },
          ),
        },
      ),
    },
    '/api/staff/session/left': {
      get: staffOperation(
        'getStaffSessionTimeLeft',
        'How long the session has left, without counting as activity: for a tab deciding whether to warn',
        { 200: timeLeft },
      ),
    },
    '/api/staff/keep-alive': {
      post: {
        ...staffOperation(
          'keepStaffSessionAlive',
          'The member is still at work: the idle timeout starts again (never past the 8 hours)',
          { 200: timeLeft },
        ),
        requestBody: body(NO_FIELDS, {}),
      },
    },
    '/api/staff/sign-out': {
      post: {
        ...staffOperation('signOutStaff', 'Signs the member of staff out', { 204: { description: 'Signed out' } }),
        requestBody: body(NO_FIELDS, {}),
      },
    },
  },
  schemas: {
    StaffUser: {
      type: 'object',
      required: ['forename', 'surname', 'email', 'isAdmin'],
      properties: {
        forename: { type: 'string' },
        surname: { type: 'string' },
        email: { type: 'string' },
        isAdmin: { type: 'boolean', description: 'May manage staff and read the audit log' },
      },
    },
  },
};
