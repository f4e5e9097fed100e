/** The description of the portal's content and the forms' definitions (routes/forms.ts). */
import { json, problem } from './shared.ts';

const formId = { name: 'formId', in: 'path', required: true, schema: { type: 'string' } };
const version = { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const formsApi = {
  paths: {
    '/api/portal': {
      get: {
        summary: "The portal's content: council, tiles, notices",
        responses: {
          200: json(
            { $ref: '/schemas/portal.schema.json' },
            'The content of forms/portal.json, with council.timeZone always given (Europe/London when the file names none)',
          ),
        },
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
        parameters: [formId],
        responses: {
          200: json({ $ref: '#/components/schemas/FormVersion' }, 'The form'),
          404: json(problem, 'No such form'),
        },
      },
    },
    '/api/forms/{formId}/versions/{version}': {
      get: {
        summary: 'One version of a form (retired versions too, for forms started on them)',
        parameters: [formId, version],
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
        parameters: [formId, version],
        responses: { 200: json({ type: 'object' }, 'A JSON Schema (2020-12)'), 404: json(problem, 'No such version') },
      },
    },
  },
  schemas: {
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
        timeZone: {
          type: 'string',
          description:
            "The council's time zone, an IANA name such as Europe/London: the form's date rules and conditions count today in it, whatever the browser's own zone",
        },
      },
      required: ['definition', 'validators', 'notices', 'accountGate', 'council', 'timeZone'],
    },
  },
};
