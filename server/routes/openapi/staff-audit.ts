/** The description of the audit log for staff administrators (routes/staff-audit.ts). */
import { auditSchemas } from '../staff-audit.ts';
import { json, refusal, staffMember } from './shared.ts';

const adminOnly = {
  401: refusal(
    'Not signed in as staff, or the session has ended',
    'unauthorised',
    'You are not signed in as staff, or your session has ended: sign in again at /staff.',
  ),
  403: refusal(
    'Signed in as a referrer, or as staff who are not an administrator: only an administrator can',
    'forbidden',
    'Only a staff administrator can read the audit log.',
  ),
};
const badFilter = (description: string) =>
  refusal(description, 'bad-request', 'The parameter "from" is missing or not allowed as given.');
const entryExample = {
  id: 48213,
  at: 1767265800000,
  who: { kind: 'staff', id: 'c41e7b2a-9d3f-4e8a-b5c6-0a1f2d3e4b5c', name: 'Amira Okafor' },
  event: 'staff-view',
  eventLabel: 'Referral opened',
  outcome: 'success',
  ip: '10.20.4.17',
  detail: { reference: 'ASC-7K3F-9QX2' },
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
        operationId: 'listAuditLog',
        tags: ['staff-audit'],
        ...staffMember,
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
              required: ['entries'],
              properties: {
                entries: { type: 'array', items: entry },
                nextCursor: { type: 'string', description: 'Absent on the last page' },
              },
            },
            'A page of the audit log',
            { entries: [entryExample], nextCursor: 'eyJpZCI6NDgyMTN9' },
          ),
          400: badFilter('A filter not as it should be'),
          ...adminOnly,
        },
      },
    },
    '/api/staff/audit/export': {
      get: {
        operationId: 'exportAuditLog',
        tags: ['staff-audit'],
        ...staffMember,
        summary: 'The entries the filters match, as a file (5000 at most); for administrators only, and audited',
        parameters: [
          ...filters,
          { name: 'format', in: 'query', required: true, schema: auditSchemas.export.properties.format },
        ],
        responses: {
          200: {
            description:
              "CSV (UTF-8 with a byte-order mark, a column for each detail; formula-like cells begin with '), or JSON: { entries }",
            content: {
              'text/csv': {
                schema: { type: 'string' },
                example: '\uFEFFWhen,Who,Event,Outcome\r\n2026-01-01 11:10,Amira Okafor,Referral opened,success\r\n',
              },
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['entries'],
                  properties: { entries: { type: 'array', items: entry } },
                },
                example: { entries: [entryExample] },
              },
            },
          },
          400: badFilter('A filter not as it should be, or too many to export: narrow the filters'),
          ...adminOnly,
        },
      },
    },
  },
  schemas: {
    AuditLogEntry: {
      type: 'object',
      required: ['id', 'at', 'who', 'event', 'eventLabel', 'outcome', 'ip', 'detail'],
      properties: {
        id: { type: 'integer' },
        at: { type: 'integer' },
        who: {
          type: 'object',
          required: ['kind'],
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
