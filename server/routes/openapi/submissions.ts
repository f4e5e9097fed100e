/** The description of submitting a form, of the person's list of submissions and of their answers to the council's questions (routes/submissions.ts). */
import { submissionSchemas } from '../submissions.ts';
import { REPLY_MAX_LENGTH } from '../../../engine/index.ts';
import { body, exampleAnswers, json, referrer, refusal, signedIn } from './shared.ts';

const submissionRef = { $ref: '#/components/schemas/Submission' };
const submission = {
  id: '8e2d4b7a-1c3f-4a9e-b6d0-5f7e2c1a9b83',
  reference: 'ASC-7K3F-9QX2',
  formId: 'social-care-referral',
  formVersion: 2,
  formTitle: 'Refer someone for adult social care',
  about: 'Edith Marsh',
  submittedAt: 1767179400000,
  status: 'being-looked-at',
  question: 'Does Mrs Marsh have a key safe, and what is its code kept with?',
};
const summary = [
  {
    pageId: 'person-details',
    title: 'About the person',
    rows: [
      { questionId: 'personFirstName', path: 'personFirstName', label: 'First name', lines: ['Edith'] },
      { questionId: 'personDateOfBirth', path: 'personDateOfBirth', label: 'Date of birth', lines: ['12 March 1941'] },
    ],
  },
];
const submitted = (description: string) =>
  json({ type: 'object', required: ['submission'], properties: { submission: submissionRef } }, description, {
    submission: { ...submission, status: 'received', question: undefined },
  });
const submissionId = {
  name: 'submissionId',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
  example: submission.id,
};
const noSuchSubmission = refusal(
  "No such submission: not there, another person's, or sent more than 30 days ago",
  'not-found',
  'There is no submission with that id in your account.',
);

export const submissionsApi = {
  paths: {
    '/api/submissions': {
      get: {
        operationId: 'listSubmissions',
        tags: ['submissions'],
        summary: "The signed-in person's submissions of the last 30 days, the most recent first",
        ...referrer,
        responses: {
          200: json(
            {
              type: 'object',
              required: ['submissions'],
              properties: { submissions: { type: 'array', items: submissionRef } },
            },
            'Their submissions',
            { submissions: [submission] },
          ),
          ...signedIn,
        },
      },
      post: {
        operationId: 'submitForm',
        tags: ['submissions'],
        summary:
          'Submits a complete form. The answers are checked against that form version; the confirmation email and the delivery to the case system (WEBHOOK_URL: a POST of a compact JWS, ES256 with WEBHOOK_SIGNING_KEYS or HS256 with WEBHOOK_SECRET) go through an outbox and are retried until they succeed. The saved copy named by draftId is deleted.',
        ...referrer,
        requestBody: body(
          {
            ...submissionSchemas.submit,
            properties: { ...submissionSchemas.submit.properties, answers: { $ref: '#/components/schemas/Answers' } },
          },
          {
            formId: 'social-care-referral',
            formVersion: 2,
            answers: exampleAnswers,
            idempotencyKey: 'b7Jq2vX9rT4mK8sN',
            draftId: '3b1f6c2e-8d4a-4f7b-9e21-6a5c0d9b7e14',
          },
        ),
        responses: {
          201: submitted('Submitted'),
          200: submitted('Already submitted with this idempotencyKey: the same submission'),
          400: refusal(
            'No such form, or answers missing or to change (error.fields, by answer path)',
            'invalid',
            'Enter the carer’s full name',
            { fields: [{ field: 'unpaidCarers.0.carerName', message: 'Enter the carer’s full name' }] },
          ),
          ...signedIn,
          409: refusal(
            'Already sent with other answers (this idempotencyKey, or this draftId from another tab), or the version is retired',
            'already-submitted',
            'This form was already sent, with other answers. Start a new form to send these.',
          ),
          429: refusal(
            'Sent a great many forms in the last hour: Retry-After says when to try again',
            'rate-limited',
            'You have sent a great many forms in the last hour: wait and try again.',
          ),
        },
      },
    },
    '/api/submissions/{submissionId}': {
      parameters: [submissionId],
      get: {
        operationId: 'getSubmission',
        tags: ['submissions'],
        summary:
          "One of the signed-in person's submissions of the last 30 days, opened again read-only: its answers as they read them on check your answers when they sent it",
        ...referrer,
        responses: {
          200: json(
            {
              type: 'object',
              required: ['submission'],
              properties: { submission: { $ref: '#/components/schemas/SubmittedForm' } },
            },
            'The submission and its answers',
            { submission: { ...submission, summary } },
          ),
          404: noSuchSubmission,
          ...signedIn,
        },
      },
    },
    '/api/submissions/{submissionId}/replies': {
      parameters: [submissionId],
      post: {
        operationId: 'replyToSubmissionQuestion',
        tags: ['submissions'],
        summary: `The signed-in person's answer to the council's question on one of their submissions (at most ${REPLY_MAX_LENGTH} characters), sealed like the answers. The referral goes back to screening, marked "Answer received", and whoever has it (else the triage team's mailbox) is emailed the reference and a link, not the answer.`,
        ...referrer,
        requestBody: body(submissionSchemas.reply, {
          text: 'Yes, there is a key safe by the back door; her daughter Joan has the code.',
        }),
        responses: {
          204: { description: 'Answered' },
          400: refusal(
            `No answer, or more than ${REPLY_MAX_LENGTH} characters (error.fields: text)`,
            'invalid',
            'Enter your answer',
            { fields: [{ field: 'text', message: 'Enter your answer' }] },
          ),
          404: noSuchSubmission,
          409: refusal(
            'The council has no question waiting on it (none asked, or already answered)',
            'no-question',
            'The council is not waiting for an answer on this form: it has no question for you now, or you have already answered it. Reload the page to see where it is.',
          ),
          ...signedIn,
        },
      },
    },
  },
  schemas: {
    Submission: {
      type: 'object',
      required: ['id', 'reference', 'formId', 'formVersion', 'formTitle', 'submittedAt', 'status'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        reference: { type: 'string', description: 'What the person quotes, like ASC-7K3F-9QX2' },
        formId: { type: 'string' },
        formVersion: { type: 'integer' },
        formTitle: { type: 'string' },
        about: {
          type: 'string',
          description: "Whom the form is about, from its own answer for the person's name; absent when not given",
        },
        submittedAt: { type: 'integer', description: 'Milliseconds since 1970' },
        status: {
          type: 'string',
          enum: ['received', 'being-looked-at', 'closed'],
          description: 'Where it is with the council, in plain words',
        },
        question: { type: 'string', description: 'The council’s question, while it waits for more information' },
        answered: {
          type: 'object',
          description: 'The latest question the person answered, with their answer, while no newer question waits',
          required: ['question', 'answer', 'answeredAt'],
          properties: {
            question: { type: 'string' },
            answer: { type: 'string' },
            answeredAt: { type: 'integer', description: 'Milliseconds since 1970' },
          },
        },
        retention: { $ref: '#/components/schemas/AnswersRetention' },
      },
    },
    AnswersRetention: {
      type: 'object',
      description:
        "Closed only: RETENTION_DAYS after closing, the answers and the triage team's notes are deleted by the council's retention policy; the reference, dates, status and outcome stay",
      required: ['deleted', 'at', 'daysAfterClosing'],
      properties: {
        deleted: { type: 'boolean', description: 'True once they are deleted (the answers summary is then empty)' },
        at: { type: 'integer', description: 'When they were deleted, or will be' },
        daysAfterClosing: { type: 'integer', description: 'How many days after the submission was closed' },
      },
    },
    SubmittedForm: {
      allOf: [submissionRef],
      type: 'object',
      required: ['summary'],
      properties: { summary: { $ref: '#/components/schemas/AnswersSummary' } },
    },
    AnswersSummary: {
      type: 'array',
      description:
        'Each page shown, with its answers as a person reads them (sensitive ones hidden); empty once the answers were deleted',
      items: {
        type: 'object',
        required: ['pageId', 'title', 'rows'],
        properties: {
          pageId: { type: 'string' },
          title: { type: 'string' },
          rows: {
            type: 'array',
            items: {
              type: 'object',
              required: ['questionId', 'path', 'label', 'lines'],
              properties: {
                questionId: { type: 'string' },
                path: { type: 'string', description: 'The box a Change link focuses' },
                label: { type: 'string' },
                lines: { type: 'array', items: { type: 'string' }, description: 'The answer, one string per line' },
              },
            },
          },
        },
      },
    },
  },
};
