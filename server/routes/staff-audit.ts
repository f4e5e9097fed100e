/** The audit log for staff administrators (/api/staff/audit): read a page at a time, or exported; each read audited. */
import { Router } from '@koa/router';
import type { Context } from 'koa';
import type { AuditLogEntry, AuditLogPage } from '../../engine/index.ts';
import type { SessionService } from '../services/sessions.ts';
import type { StaffServices } from '../services/staff/index.ts';
import type { Actor } from '../services/staff/inbox.ts';
import type { AuditQuery, AuditReader } from '../services/staff/audit.ts';
import { requireStaff } from '../http/staff-session.ts';
import { queryOf, text } from '../http/json-body.ts';
import { noStore } from '../http/no-store.ts';
import { toCsv } from '../http/csv.ts';

const DATE = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const filters = {
  event: { type: 'string', pattern: '^[a-z][a-z-]{0,49}$' },
  who: { type: 'string', pattern: '^[0-9a-f-]{36}$' },
  reference: { type: 'string', pattern: '^\\s*[Aa][Ss][Cc]-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}\\s*$' },
  from: { type: 'string', pattern: DATE },
  to: { type: 'string', pattern: DATE },
} as const;

/** The log's filters (also published in /api/openapi.json). */
export const auditSchemas = {
  query: { type: 'object', additionalProperties: false, properties: { ...filters, cursor: text(200) } },
  export: {
    type: 'object',
    additionalProperties: false,
    required: ['format'],
    properties: { ...filters, format: { enum: ['csv', 'json'] } },
  },
} as const;

const CSV_HEADER = ['When', 'Who', 'Who (id)', 'Event', 'Event code', 'Outcome', 'IP address'];
const cellOf = (value: unknown) =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/** One column per detail key any entry has, so a spreadsheet can filter by reference or status. */
function auditCsv(entries: AuditLogEntry[]): string {
  const keys = [...new Set(entries.flatMap((entry) => Object.keys(entry.detail)))].sort();
  return toCsv(
    [...CSV_HEADER, ...keys.map((key) => `Detail: ${key}`)],
    entries.map((entry) => [
      new Date(entry.at).toISOString(),
      entry.who.name,
      entry.who.id,
      entry.eventLabel,
      entry.event,
      entry.outcome,
      entry.ip ?? undefined,
      ...keys.map((key) => cellOf(entry.detail[key])),
    ]),
  );
}

export function staffAuditRoutes(deps: {
  staff: StaffServices;
  referrerSessions: SessionService;
  audit: AuditReader;
}): Router {
  const { staff, referrerSessions, audit } = deps;
  const router = new Router({ prefix: '/api/staff' });
  router.use(noStore());
  const actor = async (ctx: Context): Promise<Actor> => ({
    member: (await requireStaff(ctx, staff.sessions, referrerSessions)).user,
    ip: ctx.ip,
  });

  router.get('/audit', async (ctx) => {
    const who = await actor(ctx);
    ctx.body = (await audit.page(who, queryOf<AuditQuery>(ctx, auditSchemas.query))) satisfies AuditLogPage;
  });
  router.get('/audit/export', async (ctx) => {
    const who = await actor(ctx);
    const { format, ...query } = queryOf<AuditQuery & { format: 'csv' | 'json' }>(ctx, auditSchemas.export);
    const entries = await audit.export(who, query, format);
    ctx.attachment(`audit-log.${format}`);
    if (format === 'json') ctx.body = { entries };
    else {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = auditCsv(entries);
    }
  });
  return router;
}
