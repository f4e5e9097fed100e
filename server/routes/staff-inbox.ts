/** The triage team's inbox (/api/staff/inbox, /api/staff/submissions/:id), every route for staff only and audited. */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import {
  outcomeLabel,
  TRIAGE_STATUS_LABELS,
  TRIAGE_STATUSES,
  type Assignment,
  type InboxItem,
  type InboxPage,
  type NoteAdded,
  type Outcome,
  type StaffMemberList,
  type StaffSubmissionBody,
  type StatusChange,
} from '../../engine/index.ts';
import type { SessionService } from '../services/sessions.ts';
import type { StaffServices } from '../services/staff/index.ts';
import { submissionNotFound, type Actor, type Inbox, type InboxQuery } from '../services/staff/inbox.ts';
import type { Triage } from '../services/staff/triage.ts';
import { requireStaff } from '../http/staff-session.ts';
import { bodyOf, queryOf, text } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';
import { toCsv } from '../http/csv.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The inbox's filters and the bodies of the actions (also published in /api/openapi.json). */
export const inboxSchemas = {
  query: {
    type: 'object',
    additionalProperties: false,
    properties: {
      form: text(100),
      status: { enum: [...TRIAGE_STATUSES] },
      assignee: { type: 'string', pattern: '^(me|nobody|[0-9a-f-]{36})$' },
      q: text(100),
      urgent: { enum: ['yes'] },
      overdue: { enum: ['yes'] },
      answered: { enum: ['yes'] },
      sort: { enum: ['newest', 'deadline'] },
      cursor: text(200),
    },
  },
  assign: {
    type: 'object',
    additionalProperties: false,
    required: ['assignee'],
    properties: { assignee: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^(me|[0-9a-f-]{36})$' }] } },
  },
  status: {
    type: 'object',
    additionalProperties: false,
    required: ['status'],
    properties: {
      status: { enum: [...TRIAGE_STATUSES] },
      outcome: {
        ...text(100),
        description:
          "Required to close it: the code of one of the council's outcomes not retired, as GET /api/staff/submissions/{submissionId} lists them (outcomes)",
      },
      question: text(2000),
    },
  },
  note: { type: 'object', additionalProperties: false, required: ['text'], properties: { text: text(5000) } },
} as const;

const CSV_HEADER = [
  'Reference',
  'Form',
  'Version',
  'About',
  'Referrer',
  'Organisation',
  'Received',
  'Status',
  'Outcome',
  'Assigned to',
  'Urgent',
  'Next deadline',
  'Deadline',
  'Overdue',
  'Answers deleted',
  // Added after the others, so an import reading columns by position still finds them.
  'Answer received',
];
const csvRow = (outcomes: readonly Outcome[]) => (item: InboxItem) => [
  item.reference,
  item.formTitle,
  item.formVersion,
  item.about,
  item.referrer.name,
  item.referrer.organisation,
  new Date(item.submittedAt).toISOString(),
  TRIAGE_STATUS_LABELS[item.status],
  item.outcome ? outcomeLabel(outcomes, item.outcome) : undefined,
  item.assignee?.name,
  item.urgent ? 'Urgent' : undefined,
  item.deadline?.label,
  item.deadline ? new Date(item.deadline.at).toISOString() : undefined,
  item.deadline?.overdue ? 'Overdue' : undefined,
  // Deleted by the retention policy: About and Organisation are empty, this says when.
  item.retention?.deleted ? new Date(item.retention.at).toISOString() : undefined,
  // The referrer answered the team's question, and nobody has moved it on since.
  item.answerReceivedAt !== undefined ? new Date(item.answerReceivedAt).toISOString() : undefined,
];

export function staffInboxRoutes(deps: {
  staff: StaffServices;
  referrerSessions: SessionService;
  inbox: Inbox;
  triage: Triage;
  /** portal.json's outcomes, retired ones too: the labels of the codes referrals were closed with. */
  outcomes: readonly Outcome[];
}): Router {
  const { staff, referrerSessions, inbox, triage, outcomes } = deps;
  const router = new Router({ prefix: '/api/staff' });
  router.use(noStore());
  const actor = async (ctx: Context): Promise<Actor> => ({
    member: (await requireStaff(ctx, staff.sessions, referrerSessions)).user,
    ip: ctx.ip,
  });
  const submissionId = (ctx: Context) => {
    const id = String(ctx.params.submissionId);
    if (!UUID.test(id)) throw submissionNotFound();
    return id;
  };

  router.get('/inbox', async (ctx) => {
    const who = await actor(ctx);
    ctx.body = (await inbox.list(who, queryOf<InboxQuery>(ctx, inboxSchemas.query))) satisfies InboxPage;
  });
  router.get('/inbox.json', async (ctx) => {
    const who = await actor(ctx);
    const items = await inbox.export(who, queryOf<InboxQuery>(ctx, inboxSchemas.query), 'json');
    ctx.attachment('referrals.json');
    // The council's own words beside each code: a file read away from the portal has no list to look them up in.
    ctx.body = {
      items: items.map((item) =>
        item.outcome ? { ...item, outcomeLabel: outcomeLabel(outcomes, item.outcome) } : item,
      ),
    };
  });
  router.get('/inbox.csv', async (ctx) => {
    const who = await actor(ctx);
    const items = await inbox.export(who, queryOf<InboxQuery>(ctx, inboxSchemas.query), 'csv');
    ctx.attachment('referrals.csv');
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = toCsv(CSV_HEADER, items.map(csvRow(outcomes)));
  });
  router.get('/members', async (ctx) => {
    const who = await actor(ctx);
    ctx.body = { members: await inbox.assignable(who), me: who.member.id } satisfies StaffMemberList;
  });
  router.get('/submissions/:submissionId', async (ctx) => {
    const who = await actor(ctx);
    ctx.body = {
      submission: await inbox.open(who, submissionId(ctx)),
      outcomes: [...outcomes],
    } satisfies StaffSubmissionBody;
  });
  router.post('/submissions/:submissionId/assign', async (ctx) => {
    const who = await actor(ctx);
    const { assignee } = bodyOf<Assignment>(ctx, inboxSchemas.assign);
    await triage.assign(who, submissionId(ctx), assignee);
    ctx.status = 204;
  });
  router.post('/submissions/:submissionId/status', async (ctx) => {
    const who = await actor(ctx);
    await triage.changeStatus(who, submissionId(ctx), bodyOf<StatusChange>(ctx, inboxSchemas.status));
    ctx.status = 204;
  });
  router.post('/submissions/:submissionId/notes', async (ctx) => {
    const who = await actor(ctx);
    await triage.addNote(who, submissionId(ctx), bodyOf<NoteAdded>(ctx, inboxSchemas.note).text);
    ctx.status = 204;
  });
  return router;
}
