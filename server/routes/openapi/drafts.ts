/** The description of forms saved for later (routes/drafts.ts). */
import { draftSchemas } from '../drafts.ts';
import { body, exampleAnswers, json, referrer, refusal, signedIn } from './shared.ts';

const answers = { $ref: '#/components/schemas/Answers' };
const draftRef = { $ref: '#/components/schemas/Draft' };
const withAnswers = <S extends { properties: object }>(schema: S) => ({
  ...schema,
  properties: { ...schema.properties, answers },
});
const draft = {
  id: '3b1f6c2e-8d4a-4f7b-9e21-6a5c0d9b7e14',
  formId: 'social-care-referral',
  formVersion: 2,
  formTitle: 'Refer someone for adult social care',
  latestVersion: 2,
  about: 'Edith Marsh',
  pageId: 'household',
  pageTitle: 'Who the person lives with',
  progress: 45,
  version: 3,
  savedAt: 1767175200000,
  deleteAt: 1769767200000,
};
const saved = json({ type: 'object', required: ['draft'], properties: { draft: draftRef } }, 'Saved', { draft });
const noSuchDraft = refusal('No such draft for this person', 'not-found', 'There is no saved form with that id.');
const draftId = {
  name: 'draftId',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  example: draft.id,
};
const limited = refusal(
  'Saved a great many times in the last few minutes: Retry-After says when to try again',
  'rate-limited',
  'You have saved forms a great many times in the last few minutes: wait 5 minutes and try again.',
);
const refused = refusal(
  'No such form or page, an answer the form cannot hold (error.fields), or as many saved forms as an account may keep',
  'invalid',
  'Enter a real date of birth',
  { fields: [{ field: 'personDateOfBirth', message: 'Enter a real date of birth' }] },
);

export const draftsApi = {
  paths: {
    '/api/drafts': {
      get: {
        operationId: 'listDrafts',
        tags: ['drafts'],
        summary: "The signed-in person's forms saved for later, the most recently saved first",
        ...referrer,
        responses: {
          200: json(
            { type: 'object', required: ['drafts'], properties: { drafts: { type: 'array', items: draftRef } } },
            'Their drafts',
            { drafts: [draft] },
          ),
          ...signedIn,
        },
      },
      post: {
        operationId: 'createDraft',
        tags: ['drafts'],
        summary:
          'Saves a form for later; the answers are checked against that form version and kept encrypted for 30 days',
        ...referrer,
        requestBody: body(withAnswers(draftSchemas.create), {
          formId: 'social-care-referral',
          formVersion: 2,
          pageId: 'household',
          answers: exampleAnswers,
        }),
        responses: {
          201: saved,
          400: refused,
          ...signedIn,
          409: refusal(
            'The version is retired: new forms start on the latest (code retired-version)',
            'retired-version',
            'This form has changed since you opened it: start it again.',
          ),
          429: limited,
        },
      },
    },
    '/api/drafts/{draftId}': {
      parameters: [draftId],
      get: {
        operationId: 'getDraft',
        tags: ['drafts'],
        summary: 'A saved form with its answers, to carry on with',
        ...referrer,
        responses: {
          200: json(
            {
              type: 'object',
              required: ['draft'],
              properties: { draft: { $ref: '#/components/schemas/OpenedDraft' } },
            },
            'The draft',
            { draft: { ...draft, answers: exampleAnswers } },
          ),
          ...signedIn,
          404: noSuchDraft,
        },
      },
      put: {
        operationId: 'updateDraft',
        tags: ['drafts'],
        summary: 'Saves over a draft, from the version the page last saw',
        ...referrer,
        requestBody: body(withAnswers(draftSchemas.update), {
          version: 3,
          pageId: 'carers',
          answers: exampleAnswers,
        }),
        responses: {
          200: saved,
          400: refused,
          ...signedIn,
          404: noSuchDraft,
          409: refusal(
            'Saved since from elsewhere (code stale-draft): nothing was changed',
            'stale-draft',
            'This form was saved in another tab or device since: open it again to carry on.',
          ),
          429: limited,
        },
      },
      delete: {
        operationId: 'deleteDraft',
        tags: ['drafts'],
        summary: 'Deletes a saved form',
        ...referrer,
        responses: { 204: { description: 'Deleted' }, ...signedIn, 404: noSuchDraft },
      },
    },
  },
  schemas: {
    Draft: {
      type: 'object',
      required: [
        'id',
        'formId',
        'formVersion',
        'formTitle',
        'pageId',
        'pageTitle',
        'progress',
        'version',
        'savedAt',
        'deleteAt',
      ],
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
    OpenedDraft: {
      allOf: [draftRef],
      type: 'object',
      required: ['answers'],
      properties: { answers },
    },
  },
};
