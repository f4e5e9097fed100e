/** The shapes of the triage team's inbox, for its description (openapi/staff-inbox.ts), and examples of them. */
import { TRIAGE_STATUSES } from '../../../engine/index.ts';

export const item = { $ref: '#/components/schemas/InboxItem' };
// Each council has its own outcomes (portal.json): the document names where to read them, not the codes.
const outcomeCode = {
  type: 'string',
  description:
    "The code of one of the council's outcomes, which GET /api/staff/submissions/{submissionId} lists (outcomes) with their labels",
};
export const outcome = {
  type: 'object',
  required: ['code', 'label'],
  properties: {
    code: { type: 'string' },
    label: { type: 'string', description: 'As staff read it' },
    retired: {
      type: 'boolean',
      description: 'No longer offered when closing; still names the referrals closed with it',
    },
  },
};
export const member = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
};
export const amira = { id: 'c41e7b2a-9d3f-4e8a-b5c6-0a1f2d3e4b5c', name: 'Amira Okafor' };
export const inboxItem = {
  id: '8e2d4b7a-1c3f-4a9e-b6d0-5f7e2c1a9b83',
  reference: 'ASC-7K3F-9QX2',
  formId: 'social-care-referral',
  formVersion: 2,
  formTitle: 'Refer someone for adult social care',
  about: 'Edith Marsh',
  referrer: { name: 'Joan Marsh' },
  submittedAt: 1767179400000,
  status: 'screening',
  assignee: amira,
  statusChangedAt: 1767265800000,
  deadline: { label: 'Screen within 2 working days', at: 1767383999000, kind: 'endOfDay', overdue: false },
};
export const inboxSchemasDescribed = {
  InboxItem: {
    type: 'object',
    required: ['id', 'reference', 'formId', 'formVersion', 'formTitle', 'referrer', 'submittedAt', 'status'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      reference: { type: 'string' },
      formId: { type: 'string' },
      formVersion: { type: 'integer' },
      formTitle: { type: 'string' },
      about: { type: 'string', description: 'Whom it is about' },
      referrer: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string' },
          email: { type: 'string', description: 'When the submission is opened' },
          organisation: { type: 'string' },
        },
      },
      submittedAt: { type: 'integer' },
      status: { enum: [...TRIAGE_STATUSES] },
      outcome: outcomeCode,
      assignee: member,
      statusChangedAt: { type: 'integer' },
      closedAt: { type: 'integer' },
      answerReceivedAt: {
        type: 'integer',
        description: 'When the referrer answered the question ("Answer received"), until staff next change the status',
      },
      urgent: {
        const: true,
        description:
          "By portal.json's triage rules: a DoLS urgent authorisation in force, or the form's own urgency answer",
      },
      deadline: {
        type: 'object',
        description: 'The next deadline still ahead (every one passed: the earliest); absent with none or once closed',
        required: ['label', 'at', 'kind', 'overdue'],
        properties: {
          label: { type: 'string' },
          at: { type: 'integer' },
          kind: { enum: ['endOfDay', 'instant'], description: 'endOfDay: a whole day (show the date alone)' },
          overdue: { type: 'boolean' },
        },
      },
      retention: { $ref: '#/components/schemas/AnswersRetention' },
    },
  },
  StaffSubmission: {
    allOf: [item],
    type: 'object',
    required: ['deadlines', 'summary', 'history'],
    properties: {
      summary: {
        $ref: '#/components/schemas/AnswersSummary',
        description: 'Empty once its answers were deleted (see retention)',
      },
      deadlines: {
        type: 'array',
        description: 'Every deadline that applies, earliest first',
        items: {
          type: 'object',
          required: ['label', 'at', 'kind'],
          properties: { label: { type: 'string' }, at: { type: 'integer' }, kind: { enum: ['endOfDay', 'instant'] } },
        },
      },
      history: {
        type: 'array',
        items: {
          type: 'object',
          required: ['at', 'kind'],
          properties: {
            at: { type: 'integer' },
            by: { ...member, description: "Who on staff did it; absent for the referrer's reply" },
            kind: {
              enum: ['assigned', 'status', 'note', 'reply'],
              description: "reply: the referrer's answer to the question, which put the referral back to screening",
            },
            assignee: member,
            status: { enum: [...TRIAGE_STATUSES] },
            outcome: outcomeCode,
            text: {
              type: 'string',
              description:
                "The note, the question asked of the referrer, or the referrer's answer; absent once deleted (see retention)",
            },
          },
        },
      },
    },
  },
};
