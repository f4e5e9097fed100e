/** The pieces every route group's description is built from: bodies, the error body, who may call, the answers. */

type Schema = Record<string, unknown>;

/** An answer with a JSON body, and an example of it. */
export const json = (schema: Schema, description: string, example: unknown) => ({
  description,
  content: { 'application/json': { schema, example } },
});

/** A JSON request body, required, with an example of it. */
export const body = (schema: Schema, example: unknown) => ({
  required: true,
  content: { 'application/json': { schema, example } },
});

/** The error body (components.schemas.Problem). */
export const problem = { $ref: '#/components/schemas/Problem' };

/** An error answer: the error body, with an example of the code and message it carries. */
export const refusal = (description: string, code: string, message: string, extra: Schema = {}) =>
  json(problem, description, { error: { code, message, ...extra } });

/** 429: a rate limit (sign-in, codes). */
export const limited = refusal(
  'Too many tries: Retry-After says when to try again',
  'rate-limited',
  'Too many tries: wait 15 minutes and try again.',
);
/** 503: a route that checks a password, when too many are being checked at once. */
export const busy = {
  503: refusal(
    'Too many passwords being checked at once: try again in a minute',
    'busy',
    'The service is busy. Wait a minute and try again.',
  ),
};

/** Who may call an operation: anybody (no cookie), a signed-in referrer, a signed-in member of staff. */
export const anybody = { security: [] };
/** GET /api/account answers with or without a session. */
export const anybodyOrReferrer = { security: [{}, { referrerSession: [] }] };
export const referrer = { security: [{ referrerSession: [] }] };
export const staffMember = { security: [{ staffSession: [] }] };

/** A route that needs the session cookie. */
export const signedIn = {
  401: refusal('Not signed in, or the session has ended', 'unauthorised', 'Sign in to carry on.'),
};

/** The session cookies (server/http/session-cookie.ts, staff-session.ts), set by signing in. */
export const securitySchemes = {
  referrerSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'asc_session',
    description:
      "A referrer's session, set (HttpOnly, SameSite=Lax) by POST /api/account/sign-in/verify or /api/account/registrations/verify",
  },
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'asc_staff',
    description:
      "A member of staff's session, set (HttpOnly, SameSite=Strict) by POST /api/staff/sign-in/code or /enrol",
  },
};

/** The error body every failure answers with: a code to act on, a message to show, the boxes to fix. */
export const sharedSchemas = {
  Problem: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', description: 'What went wrong, for programs: invalid, stale-draft, rate-limited…' },
          message: { type: 'string', description: 'What to do about it, in words to show the person' },
          fields: {
            type: 'array',
            description: 'With code invalid: each box to fix, as the GOV.UK error summary lists them',
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: {
                field: { type: 'string', description: 'A question id, or a path into a group: "people.0.name"' },
                message: { type: 'string' },
              },
            },
          },
          requestId: {
            type: 'string',
            description: "On a 500: the request's id (also in X-Request-Id), to quote to the council's help desk.",
          },
        },
      },
    },
  },
  /** What an answer can be (engine/types.ts AnswerValue). */
  AnswerValue: {
    description:
      'One answer: a string for most questions (dates as YYYY-MM-DD, yes/no as "yes"/"no", an option as its value), a number, true for a declaration, the option values ticked for checkboxes, an address, or one set of answers per item of a repeating group',
    anyOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'array', items: { type: 'string' } },
      { $ref: '#/components/schemas/AddressAnswer' },
      { type: 'array', items: { $ref: '#/components/schemas/ItemAnswers' } },
    ],
  },
  AddressAnswer: {
    type: 'object',
    description: 'An address as typed in its five boxes',
    properties: {
      line1: { type: 'string' },
      line2: { type: 'string' },
      town: { type: 'string' },
      county: { type: 'string' },
      postcode: { type: 'string' },
    },
  },
  ItemAnswers: {
    type: 'object',
    description: "One item of a repeating group: its questions' answers, by question id",
    additionalProperties: { $ref: '#/components/schemas/AnswerValue' },
  },
  Answers: {
    type: 'object',
    maxProperties: 1000,
    description:
      "A form's answers, by question id. Each form version's exact shape is its own JSON Schema, at /api/forms/{formId}/versions/{version}/answers.schema.json; the server checks them against it",
    additionalProperties: { $ref: '#/components/schemas/AnswerValue' },
  },
};

/** Answers to pages of the social care referral (forms/social-care-referral), as an example: nobody real. */
export const exampleAnswers = {
  personFirstName: 'Edith',
  personLastName: 'Marsh',
  personDateOfBirth: '1941-03-12',
  personGender: 'female',
  interpreterNeeded: 'no',
  personAddress: { line1: '14 Marine Terrace', town: 'Southport', postcode: 'PR8 1RY' },
  livesAlone: 'no',
  hasUnpaidCarer: 'yes',
  unpaidCarers: [{ carerName: 'Joan Marsh', carerRelationship: 'Daughter' }],
};

/** A route for the council's staff (server/http/staff-session.ts). */
export const staffOnly = {
  401: refusal(
    'Not signed in as staff, or the session has ended',
    'unauthorised',
    'You are not signed in as staff, or your session has ended: sign in again at /staff.',
  ),
  403: refusal(
    'Signed in as a referrer: this is for the council staff',
    'forbidden',
    "This is for the council's staff. You are signed in as a referrer: staff sign in at /staff with their staff account.",
  ),
};
