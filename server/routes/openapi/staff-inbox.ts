/** The description of the triage team's inbox (routes/staff-inbox.ts). */
import { TRIAGE_STATUSES } from '../../../engine/index.ts';
import { inboxSchemas } from '../staff-inbox.ts';
import { body, json, refusal, staffMember, staffOnly } from './shared.ts';
import { amira, inboxItem, inboxSchemasDescribed, item, member, outcome } from './staff-inbox-schemas.ts';

const notFound = { 404: refusal('No such submission', 'not-found', 'There is no submission with that id.') };
const refused = {
  400: refusal('What to fix (error.fields for the boxes)', 'invalid', 'Choose an outcome to close it with', {
    fields: [{ field: 'outcome', message: 'Choose an outcome to close it with' }],
  }),
};
const badFilter = (description: string) =>
  refusal(
    description,
    'bad-request',
    'The parameter "status" must be one of: new, screening, accepted, more-information, closed.',
  );
const tags = ['staff-inbox'];
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
const submissionId = [{ name: 'submissionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const action = (operationId: string, summary: string, schema: Record<string, unknown>, example: unknown) => ({
  parameters: submissionId,
  post: {
    operationId,
    tags,
    summary,
    ...staffMember,
    requestBody: body(schema, example),
    responses: {
      204: { description: 'Done, and written to the history and the audit log' },
      ...refused,
      ...notFound,
      409: refusal(
        "Its answers and notes were deleted by the council's retention policy: it can no longer be changed",
        'answers-deleted',
        "This referral's answers and notes were deleted under the council's retention policy: it can no longer be changed.",
      ),
      ...staffOnly,
    },
  },
});
const exported = (operationId: string, type: string, description: string) => ({
  get: {
    operationId,
    tags,
    summary: `The submissions the filters match, as a file; audited`,
    description,
    ...staffMember,
    parameters: filters,
    responses: {
      200: {
        description,
        content: {
          [type]:
            type === 'text/csv'
              ? {
                  schema: { type: 'string' },
                  example:
                    '\uFEFFReference,Form,Version,About,Referrer\r\nASC-7K3F-9QX2,Refer someone for adult social care,2,Edith Marsh,Joan Marsh\r\n',
                }
              : {
                  schema: {
                    type: 'object',
                    required: ['items'],
                    properties: { items: { type: 'array', items: item } },
                  },
                  example: { items: [inboxItem] },
                },
        },
      },
      400: badFilter('A filter not as it should be, or too many to export: narrow the filters'),
      ...staffOnly,
    },
  },
});

export const staffInboxApi = {
  paths: {
    '/api/staff/inbox': {
      get: {
        operationId: 'listInbox',
        tags,
        ...staffMember,
        summary: 'Submissions, the newest first, 50 a page, filtered and searched; each look is audited',
        parameters: [
          ...filters,
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the page before' },
        ],
        responses: {
          200: json(
            {
              type: 'object',
              required: ['items', 'total'],
              properties: {
                items: { type: 'array', items: item },
                total: { type: 'integer' },
                nextCursor: { type: 'string', description: 'Absent on the last page' },
              },
            },
            'A page of the inbox',
            { items: [inboxItem], total: 1 },
          ),
          400: badFilter('A filter not as it should be'),
          ...staffOnly,
        },
      },
    },
    '/api/staff/inbox.csv': exported(
      'exportInboxCsv',
      'text/csv',
      "CSV, UTF-8 with a byte-order mark; formula-like cells begin with '",
    ),
    '/api/staff/inbox.json': exported(
      'exportInboxJson',
      'application/json',
      "JSON: { items }, each an InboxItem, a closed one with outcomeLabel, its outcome in the council's words",
    ),
    '/api/staff/members': {
      get: {
        operationId: 'listStaffMembers',
        tags,
        ...staffMember,
        summary: 'The members of staff a submission can be assigned to, and who is asking (me)',
        responses: {
          200: json(
            {
              type: 'object',
              required: ['members', 'me'],
              properties: { members: { type: 'array', items: member }, me: { type: 'string' } },
            },
            'The members',
            { members: [amira, { id: 'f09a3c1d-6b2e-4d7f-8a9b-1c2d3e4f5a6b', name: 'Tom Haughton' }], me: amira.id },
          ),
          ...staffOnly,
        },
      },
    },
    '/api/staff/submissions/{submissionId}': {
      parameters: submissionId,
      get: {
        operationId: 'getStaffSubmission',
        tags,
        ...staffMember,
        summary: 'A submission opened: the item, its answers by page as the referrer read them, its history; audited',
        responses: {
          200: json(
            {
              type: 'object',
              required: ['submission', 'outcomes'],
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
            {
              submission: {
                ...inboxItem,
                referrer: { name: 'Joan Marsh', email: 'joan.marsh@example.org' },
                summary: [
                  {
                    pageId: 'person-details',
                    title: 'About the person',
                    rows: [
                      { questionId: 'personFirstName', path: 'personFirstName', label: 'First name', lines: ['Edith'] },
                    ],
                  },
                ],
                deadlines: [{ label: 'Screen within 2 working days', at: 1767383999000, kind: 'endOfDay' }],
                history: [{ at: 1767265800000, by: amira, kind: 'assigned', assignee: amira }],
              },
              outcomes: [{ code: 'passed-to-team', label: 'Passed to a team' }],
            },
          ),
          ...notFound,
          ...staffOnly,
        },
      },
    },
    '/api/staff/submissions/{submissionId}/assign': action(
      'assignSubmission',
      'Assigns it to a member ("me", an id) or to nobody (null)',
      inboxSchemas.assign,
      { assignee: 'me' },
    ),
    '/api/staff/submissions/{submissionId}/status': action(
      'changeSubmissionStatus',
      'Changes its status: an outcome is required to close it, a question for the referrer to ask for more information (the referrer is emailed, with no personal data)',
      inboxSchemas.status,
      { status: 'more-information', question: 'Does Mrs Marsh have a key safe, and who has its code?' },
    ),
    '/api/staff/submissions/{submissionId}/notes': action(
      'addSubmissionNote',
      'Adds a private note, sealed like the answers',
      inboxSchemas.note,
      { text: 'Spoke to her daughter: the GP is making a falls referral too.' },
    ),
  },
  schemas: inboxSchemasDescribed,
};
