/** The description of the triage team's inbox (routes/staff-inbox.ts). */
import { TRIAGE_STATUSES } from '../../../engine/index.ts';
import { inboxSchemas } from '../staff-inbox.ts';
import { body, json, problem } from './shared.ts';

const staffOnly = {
  401: json(problem, 'Not signed in as staff, or the session has ended'),
  403: json(problem, 'Signed in as a referrer: this is for the council staff'),
};
const notFound = { 404: json(problem, 'No such submission') };
const refused = { 400: json(problem, 'What to fix (error.fields for the boxes)') };
const filters = [
  { name: 'form', in: 'query', schema: { type: 'string' }, description: 'A form id' },
  { name: 'status', in: 'query', schema: { enum: [...TRIAGE_STATUSES] } },
  { name: 'assignee', in: 'query', schema: { type: 'string' }, description: '"me", "nobody", or a member\'s id' },
  {
    name: 'q',
    in: 'query',
    schema: { type: 'string' },
    description:
      "A reference (ASC-…), or the person's name, date of birth (12/03/1941 or 1941-03-12) or NHS number, matched exactly",
  },
  { name: 'urgent', in: 'query', schema: { enum: ['yes'] }, description: 'Only open referrals urgent now' },
  {
    name: 'overdue',
    in: 'query',
    schema: { enum: ['yes'] },
    description: 'Only open referrals with every deadline passed',
  },
  {
    name: 'answered',
    in: 'query',
    schema: { enum: ['yes'] },
    description:
      'Only referrals whose referrer has answered the question, not moved on by staff since ("Answer received")',
  },
  {
    name: 'sort',
    in: 'query',
    schema: { enum: ['newest', 'deadline'] },
    description:
      'newest (the default): the newest first; deadline: open referrals first, urgent, then overdue, then by next deadline',
  },
];
const item = { $ref: '#/components/schemas/InboxItem' };
// Each council has its own outcomes (portal.json): the document names where to read them, not the codes.
const outcomeCode = {
  type: 'string',
  description:
    "The code of one of the council's outcomes, which GET /api/staff/submissions/{submissionId} lists (outcomes) with their labels",
};
const outcome = {
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
const member = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
const submissionId = [{ name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const action = (summary: string, schema: Record<string, unknown>) => ({
  parameters: submissionId,
  post: {
    summary,
    requestBody: body(schema),
    responses: {
      204: { description: 'Done, and written to the history and the audit log' },
      ...refused,
      ...notFound,
      409: json(
        problem,
        "Its answers and notes were deleted by the council's retention policy: it can no longer be changed",
      ),
      ...staffOnly,
    },
  },
});
const exported = (type: string, description: string) => ({
  get: {
    summary: `The submissions the filters match, as a file (${description}); audited`,
    parameters: filters,
    responses: {
      200: {
        description,
        content: { [type]: { schema: type === 'text/csv' ? { type: 'string' } : { type: 'object' } } },
      },
      400: json(problem, 'A filter not as it should be, or too many to export: narrow the filters'),
      ...staffOnly,
    },
  },
});

export const staffInboxApi = {
  paths: {
    '/api/staff/inbox': {
      get: {
        summary: 'Submissions, the newest first, 50 a page, filtered and searched; each look is audited',
        parameters: [
          ...filters,
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the page before' },
        ],
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                items: { type: 'array', items: item },
                total: { type: 'integer' },
                nextCursor: { type: 'string', description: 'Absent on the last page' },
              },
            },
            'A page of the inbox',
          ),
          400: json(problem, 'A filter not as it should be'),
          ...staffOnly,
        },
      },
    },
    '/api/staff/inbox.csv': exported('text/csv', "CSV, UTF-8 with a byte-order mark; formula-like cells begin with '"),
    '/api/staff/inbox.json': exported(
      'application/json',
      "JSON: { items }, each an InboxItem, a closed one with outcomeLabel, its outcome in the council's words",
    ),
    '/api/staff/members': {
      get: {
        summary: 'The members of staff a submission can be assigned to, and who is asking (me)',
        responses: {
          200: json(
            { type: 'object', properties: { members: { type: 'array', items: member }, me: { type: 'string' } } },
            'The members',
          ),
          ...staffOnly,
        },
      },
    },
    '/api/staff/submissions/{submissionId}': {
      parameters: submissionId,
      get: {
        summary: 'A submission opened: the item, its answers by page as the referrer read them, its history; audited',
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                submission: { $ref: '#/components/schemas/StaffSubmission' },
                outcomes: {
                  type: 'array',
                  items: outcome,
                  description:
                    "The council's outcomes (portal.json), in its order: those not retired are the codes to close with",
                },
              },
            },
            'The submission, and the outcomes to close it with',
          ),
          ...notFound,
          ...staffOnly,
        },
      },
    },
    '/api/staff/submissions/{submissionId}/assign': action(
      'Assigns it to a member ("me", an id) or to nobody (null)',
      inboxSchemas.assign,
    ),
    '/api/staff/submissions/{submissionId}/status': action(
      'Changes its status: an outcome is required to close it, a question for the referrer to ask for more information (the referrer is emailed, with no personal data)',
      inboxSchemas.status,
    ),
    '/api/staff/submissions/{submissionId}/notes': action(
      'Adds a private note, sealed like the answers',
      inboxSchemas.note,
    ),
  },
  schemas: {
    InboxItem: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        reference: { type: 'string' },
        formId: { type: 'string' },
        formVersion: { type: 'integer' },
        formTitle: { type: 'string' },
        about: { type: 'string', description: 'Whom it is about' },
        referrer: { type: 'object', properties: { name: { type: 'string' }, organisation: { type: 'string' } } },
        submittedAt: { type: 'integer' },
        status: { enum: [...TRIAGE_STATUSES] },
        outcome: outcomeCode,
        assignee: member,
        statusChangedAt: { type: 'integer' },
        closedAt: { type: 'integer' },
        answerReceivedAt: {
          type: 'integer',
          description:
            'When the referrer answered the question ("Answer received"), until staff next change the status',
        },
        urgent: {
          const: true,
          description:
            "By portal.json's triage rules: a DoLS urgent authorisation in force, or the form's own urgency answer",
        },
        deadline: {
          type: 'object',
          description:
            'The next deadline still ahead (every one passed: the earliest); absent with none or once closed',
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
      properties: {
        summary: {
          $ref: '#/components/schemas/SubmittedForm/properties/summary',
          description: 'Empty once its answers were deleted (see retention)',
        },
        deadlines: {
          type: 'array',
          description: 'Every deadline that applies, earliest first',
          items: {
            type: 'object',
            properties: { label: { type: 'string' }, at: { type: 'integer' }, kind: { enum: ['endOfDay', 'instant'] } },
          },
        },
        history: {
          type: 'array',
          items: {
            type: 'object',
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
  },
};
