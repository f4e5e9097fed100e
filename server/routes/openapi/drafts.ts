/** The description of forms saved for later (routes/drafts.ts). */
import { draftSchemas } from '../drafts.ts';
import { body, json, problem } from './shared.ts';

const draft = { type: 'object', properties: { draft: { $ref: '#/components/schemas/Draft' } } };
const notSignedIn = json(problem, 'Not signed in');
const noSuchDraft = json(problem, 'No such draft for this person');

export const draftsApi = {
  paths: {
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
          401: notSignedIn,
        },
      },
      post: {
        summary:
          'Saves a form for later; the answers are checked against that form version and kept encrypted for 30 days',
        requestBody: body(draftSchemas.create),
        responses: {
          201: json(draft, 'Saved'),
          400: json(problem, 'No such form or page, or an answer the form cannot hold'),
          401: notSignedIn,
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
          401: notSignedIn,
          404: noSuchDraft,
        },
      },
      put: {
        summary: 'Saves over a draft, from the version the page last saw',
        requestBody: body(draftSchemas.update),
        responses: {
          200: json(draft, 'Saved'),
          404: noSuchDraft,
          409: json(problem, 'Saved since from elsewhere (code stale-draft): nothing was changed'),
        },
      },
      delete: {
        summary: 'Deletes a saved form',
        responses: { 204: { description: 'Deleted' }, 404: noSuchDraft },
      },
    },
  },
  schemas: {
    Draft: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        formId: { type: 'string' },
        formVersion: { type: 'integer' },
        formTitle: { type: 'string' },
        latestVersion: {
          type: 'integer',
          description: 'The version new forms of this form start on; a draft on another was started on an earlier one',
        },
        about: {
          type: 'string',
          description: "Whom the form is about, from its own answer for the person's name; absent until it is answered",
        },
        pageId: { type: 'string' },
        pageTitle: { type: 'string' },
        progress: { type: 'integer', description: 'Percent complete at that page' },
        version: { type: 'integer', description: 'Counts saves: send it with the next save' },
        savedAt: { type: 'integer', description: 'Milliseconds since 1970' },
        deleteAt: { type: 'integer', description: 'When it will be deleted unless saved again' },
      },
    },
  },
};
