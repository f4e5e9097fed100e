/** The description of submitting a form, of the person's list of submissions and of their answers to the council's questions (routes/submissions.ts). */
import { submissionSchemas } from '../submissions.ts';
import { REPLY_MAX_LENGTH } from '../../../engine/index.ts';
import { body, json, problem, signedIn } from './shared.ts';

const submission = { type: 'object', properties: { submission: { $ref: '#/components/schemas/Submission' } } };

export const submissionsApi = {
  paths: {
    '/api/submissions': {
      get: {
        summary: "The signed-in person's submissions of the last 30 days, the most recent first",
        responses: {
          200: json(
            {
              type: 'object',
              properties: { submissions: { type: 'array', items: { $ref: '#/components/schemas/Submission' } } },
            },
            'Their submissions',
          ),
          ...signedIn,
        },
      },
      post: {
        summary:
          'Submits a complete form. The answers are checked against that form version; the confirmation email and the delivery to the case system (WEBHOOK_URL: a POST of a compact JWS, HS256 with WEBHOOK_SECRET) go through an outbox and are retried until they succeed. The saved copy named by draftId is deleted.',
        requestBody: body(submissionSchemas.submit),
        responses: {
          201: json(submission, 'Submitted'),
          200: json(submission, 'Already submitted with this idempotencyKey: the same submission'),
          400: json(problem, 'No such form, or answers missing or to change (error.fields, by answer path)'),
          ...signedIn,
        },
      },
    },
    '/api/submissions/{submissionId}': {
      parameters: [{ name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      get: {
        summary:
          "One of the signed-in person's submissions of the last 30 days, opened again read-only: its answers as they read them on check your answers when they sent it",
        responses: {
          200: json(
            { type: 'object', properties: { submission: { $ref: '#/components/schemas/SubmittedForm' } } },
            'The submission and its answers',
          ),
          404: json(problem, "No such submission: not there, another person's, or sent more than 30 days ago"),
          ...signedIn,
        },
      },
    },
    '/api/submissions/{submissionId}/replies': {
      parameters: [{ name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      post: {
        summary: `The signed-in person's answer to the council's question on one of their submissions (at most ${REPLY_MAX_LENGTH} characters), sealed like the answers. The referral goes back to screening, marked "Answer received", and whoever has it (else the triage team's mailbox) is emailed the reference and a link, not the answer.`,
        requestBody: body(submissionSchemas.reply),
        responses: {
          204: { description: 'Answered' },
          400: json(problem, `No answer, or more than ${REPLY_MAX_LENGTH} characters (error.fields: answer)`),
          404: json(problem, "No such submission: not there, another person's, or sent more than 30 days ago"),
          409: json(problem, 'The council has no question waiting on it (none asked, or already answered)'),
          ...signedIn,
        },
      },
    },
  },
  schemas: {
    Submission: {
      type: 'object',
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
          enum: ['received', 'being-looked-at', 'closed'],
          description: 'Where it is with the council, in plain words',
        },
        question: { type: 'string', description: 'The council’s question, while it waits for more information' },
        answered: {
          type: 'object',
          description: 'The latest question the person answered, with their answer, while no newer question waits',
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
      allOf: [{ $ref: '#/components/schemas/Submission' }],
      type: 'object',
      properties: {
        summary: {
          type: 'array',
          description:
            'Each page shown, with its answers as a person reads them (sensitive ones hidden); empty once the answers were deleted',
          items: {
            type: 'object',
            properties: {
              pageId: { type: 'string' },
              title: { type: 'string' },
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    questionId: { type: 'string' },
                    path: { type: 'string' },
                    label: { type: 'string' },
                    lines: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
