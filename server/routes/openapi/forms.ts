/** The description of the portal's content and the forms' definitions (routes/forms.ts). */
import { SERVER_PORTAL_PARTS, type PortalContent } from '../../../engine/index.ts';
import { portalPages } from '../forms.ts';
import { anybody, json, refusal } from './shared.ts';

const formId = {
  name: 'formId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  example: 'social-care-referral',
};
const version = { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, example: 2 };
const formOrOpening = {
  anyOf: [{ $ref: '#/components/schemas/FormVersion' }, { $ref: '#/components/schemas/FormOpening' }],
};
const opening = {
  name: 'opening',
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description:
    "Present (`?opening`): for showing the form's first page, sooner. The first page whole; of each later page only what decides which answers are kept and which pages show (ids, kinds, types, conditions), without its words. Ask again without it before showing or checking any other page.",
};
const portalPart = (part: string) => ({ $ref: `#/components/schemas/PortalPages/properties/${part}` });
const noSuchVersion = refusal('No such version', 'not-found', 'Form "social-care-referral" has no version 7.');

/** A form version as GET /api/forms/{formId} answers, cut down to two pages for the example. */
const formVersionExample = (portal: PortalContent) => ({
  definition: {
    id: 'social-care-referral',
    version: 2,
    status: 'published',
    title: 'Refer someone for adult social care',
    aboutPerson: ['personFirstName', 'personLastName'],
    pages: [
      {
        id: 'person-details',
        title: 'About the person',
        progress: 20,
        questions: [
          { id: 'personFirstName', type: 'text', label: 'First name', required: true, maxLength: 100 },
          { id: 'personLastName', type: 'text', label: 'Last name', required: true, maxLength: 100 },
        ],
      },
      { id: 'check-your-answers', title: 'Check your answers', progress: 100, kind: 'checkAnswers' },
    ],
  },
  validators: '/assets/forms/social-care-referral/v2.validators-3f9a1c.js',
  notices: portal.notices,
  accountGate: portal.accountGate,
  council: portal.council,
  timeZone: portal.council.timeZone ?? 'Europe/London',
  captcha: 'altcha',
});

/** The paths and schemas; `portal` is this portal's content, which the examples show. */
/** A form version as GET /api/forms/{formId} gives it. */
const formVersion = {
  type: 'object',
  properties: {
    definition: { $ref: '#/components/schemas/FormDefinition' },
    validators: { type: 'string', description: 'URL of the ES module of precompiled page validators' },
    notices: portalPart('notices'),
    accountGate: portalPart('accountGate'),
    council: portalPart('council'),
    timeZone: {
      type: 'string',
      description:
        "The council's time zone, an IANA name such as Europe/London: the form's date rules and conditions count today in it, whatever the browser's own zone",
    },
    captcha: {
      type: 'string',
      description:
        'The check that a person is starting the form, as GET /api/captcha/challenge names it ("altcha", or "off" where the portal asks for none): the form shows its box at once, without asking',
      example: 'altcha',
    },
  },
  required: ['definition', 'validators', 'notices', 'accountGate', 'council', 'timeZone', 'captcha'],
};

export const formsApi = (portal: PortalContent) => ({
  paths: {
    '/api/portal': {
      get: {
        operationId: 'getPortal',
        tags: ['forms'],
        summary: "The portal's content: council, tiles, notices",
        ...anybody,
        responses: {
          200: json(
            { $ref: '#/components/schemas/PortalPages' },
            `The content of forms/portal.json that the portal's pages read, with council.timeZone always given (Europe/London when the file names none): without the parts only the server reads (${SERVER_PORTAL_PARTS.join(', ')})`,
            portalPages(portal),
          ),
        },
      },
    },
    '/api/forms': {
      get: {
        operationId: 'listForms',
        tags: ['forms'],
        summary: 'The forms open for referrals, each at its latest published version',
        ...anybody,
        responses: {
          200: json(
            {
              type: 'object',
              required: ['forms'],
              properties: { forms: { type: 'array', items: { $ref: '#/components/schemas/FormSummary' } } },
            },
            'The forms',
            {
              forms: [
                {
                  id: 'social-care-referral',
                  title: 'Refer someone for adult social care',
                  description: 'For anyone in Sefton who may need care and support at home.',
                  version: 2,
                },
              ],
            },
          ),
        },
      },
    },
    '/api/forms/{formId}': {
      get: {
        operationId: 'getForm',
        tags: ['forms'],
        summary: "A form's latest published version, with where its validators are",
        ...anybody,
        parameters: [formId, opening],
        responses: {
          200: json(formOrOpening, 'The form (its opening, asked with ?opening)', formVersionExample(portal)),
          404: refusal('No such form', 'not-found', 'There is no form "meals-on-wheels".'),
        },
      },
    },
    '/api/forms/{formId}/versions/{version}': {
      get: {
        operationId: 'getFormVersion',
        tags: ['forms'],
        summary: 'One version of a form (retired versions too, for forms started on them)',
        ...anybody,
        parameters: [formId, version, opening],
        responses: {
          200: json(formOrOpening, 'The form version (its opening, asked with ?opening)', formVersionExample(portal)),
          400: refusal(
            'The version is not a number',
            'bad-version',
            'The version must be a whole number from 1, like /versions/1.',
          ),
          404: noSuchVersion,
        },
      },
    },
    '/api/forms/{formId}/versions/{version}/answers.schema.json': {
      get: {
        operationId: 'getFormAnswersSchema',
        tags: ['forms'],
        summary: "The JSON Schema of this version's submitted answers: the exact shape of its Answers",
        ...anybody,
        parameters: [formId, version],
        responses: {
          200: {
            description: 'A JSON Schema (2020-12), a document of its own',
            content: {
              'application/schema+json': {
                schema: { type: 'object', additionalProperties: true },
                example: {
                  $schema: 'https://json-schema.org/draft/2020-12/schema',
                  $id: 'urn:asc-forms:social-care-referral:v2:answers',
                  type: 'object',
                  properties: { personFirstName: { type: 'string', maxLength: 100 } },
                },
              },
            },
          },
          404: noSuchVersion,
        },
      },
    },
    '/api/forms/{formId}/versions/{version}/answers.d.ts': {
      get: {
        operationId: 'getFormAnswersType',
        tags: ['forms'],
        summary:
          "The same answers as a TypeScript declaration: one interface named after the form and version (DolsForm1V2Answers), for a case system's code",
        ...anybody,
        parameters: [formId, version],
        responses: {
          200: {
            description: 'A TypeScript declaration file, generated from the answers schema',
            content: {
              'application/typescript': {
                schema: { type: 'string' },
                example: 'export interface SocialCareReferralV2Answers {\n  personFirstName: string;\n}\n',
              },
            },
          },
          404: noSuchVersion,
        },
      },
    },
  },
  schemas: {
    FormSummary: {
      type: 'object',
      required: ['id', 'title', 'version'],
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        version: { type: 'integer' },
      },
    },
    FormVersion: formVersion,
    FormOpening: {
      ...formVersion,
      description:
        "A form version for showing its first page (asked with ?opening): as FormVersion, but of the definition's later pages only their outline (ids, kinds, question types and conditions; labels empty; no titles, words, options, limits or rules), so it is not a FormDefinition to run the whole form from",
      properties: {
        ...formVersion.properties,
        definition: {
          type: 'object',
          description:
            'The first page whole; each later page with its id, kind and condition, and its questions with their ids, types, conditions and computations',
          properties: {
            id: { type: 'string' },
            version: { type: 'integer' },
            pages: { type: 'array', items: { type: 'object' } },
          },
          required: ['id', 'version', 'pages'],
        },
        opening: { const: true },
      },
      required: [...formVersion.required, 'opening'],
    },
  },
});
