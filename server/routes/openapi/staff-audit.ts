/** The description of the audit log for staff administrators (routes/staff-audit.ts). */
import { auditSchemas } from '../staff-audit.ts';
import { json, problem } from './shared.ts';

const adminOnly = {
  401: json(problem, 'Not signed in as staff, or the session has ended'),
  403: json(problem, 'Signed in as a referrer, or as staff who are not an administrator: only an administrator can'),
};
const { properties } = auditSchemas.query;
const filters = [
  { name: 'event', in: 'query', schema: properties.event, description: 'An event code, such as staff-view' },
  {
    name: 'who',
    in: 'query',
    schema: properties.who,
    description: "A member of staff's id or a referrer's account id",
  },
  {
    name: 'reference',
    in: 'query',
    schema: properties.reference,
    description: "A referral's reference (ASC-…): the entries about it",
  },
  {
    name: 'from',
    in: 'query',
    schema: properties.from,
    description: "From this date (YYYY-MM-DD) on the council's clock",
  },
  { name: 'to', in: 'query', schema: properties.to, description: 'Up to this date (YYYY-MM-DD), inclusive' },
];
const entry = { $ref: '#/components/schemas/AuditLogEntry' };

export const staffAuditApi = {
  paths: {
    '/api/staff/audit': {
      get: {
        summary:
          'The audit log, the newest first, 50 a page, filtered; for administrators only, and each read is audited',
        parameters: [
          ...filters,
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the page before' },
        ],
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                entries: { type: 'array', items: entry },
                nextCursor: { type: 'string', description: 'Absent on the last page' },
              },
            },
            'A page of the audit log',
          ),
          400: json(problem, 'A filter not as it should be'),
          ...adminOnly,
        },
      },
    },
    '/api/staff/audit/export': {
      get: {
        summary: 'The entries the filters match, as a file (5000 at most); for administrators only, and audited',
        parameters: [
          ...filters,
          { name: 'format', in: 'query', required: true, schema: auditSchemas.export.properties.format },
        ],
        responses: {
          200: {
            description:
              "CSV (UTF-8 with a byte-order mark, a column for each detail; formula-like cells begin with '), or JSON: { entries }",
            content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } },
          },
          400: json(problem, 'A filter not as it should be, or too many to export: narrow the filters'),
          ...adminOnly,
        },
      },
    },
  },
  schemas: {
    AuditLogEntry: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        at: { type: 'integer' },
        who: {
          type: 'object',
          properties: {
            kind: { enum: ['staff', 'referrer', 'nobody'] },
            id: { type: 'string' },
            name: { type: 'string', description: 'The member\'s name, or "referrer account <id>"' },
          },
        },
        event: { type: 'string', description: 'Its code' },
        eventLabel: { type: 'string', description: 'The event in words' },
        outcome: { enum: ['success', 'failure', 'refused'] },
        ip: { type: ['string', 'null'], description: 'Where the request came from, or "command line"' },
        detail: { type: 'object', description: 'What it was about; never personal data' },
      },
    },
  },
};
