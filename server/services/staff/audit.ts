/**
 * The audit log as a staff administrator reads it: the newest first, filtered by event, by who,
 * by a referral's reference and by dates on the council's clock, a page at a time or as a file.
 * Only administrators may; each read and export, and each refusal, is itself written to the log.
 */
import {
  AUDIT_EVENT_LABELS,
  endOfDay,
  instantOnClock,
  type AuditLogEntry,
  type AuditLogPage,
} from '../../../engine/index.ts';
import type { AuditFilter, AuditRecord } from '../../repositories/audit-log.ts';
import type { Repositories } from '../../repositories/index.ts';
import { ForbiddenError, RefusedError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from './inbox.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The most one export holds: past it, narrow the filters. */
export const AUDIT_EXPORT_LIMIT = 5000;

/** What the log is asked for, as the route reads it from the address (checked there: ids, a reference, dates). */
export interface AuditQuery {
  event?: string;
  who?: string;
  reference?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

const encodeCursor = (id: number) => Buffer.from(JSON.stringify([id])).toString('base64url');
function decodeCursor(cursor: string): number {
  try {
    const [id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown];
    if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
  } catch {
    /* refused below */
  }
  throw new RefusedError('bad-cursor', 'That page of the audit log is not one it gave: go back to the first page.');
}

export function createAuditReader(deps: { repos: Repositories; clock: Clock; timeZone: string }) {
  const { repos, clock, timeZone } = deps;
  const audit = (actor: Actor, event: string, outcome: 'success' | 'refused', detail: Record<string, unknown>) =>
    repos.auditLog.add({ at: clock.now(), event, outcome, userId: actor.member.id, ip: actor.ip, detail });

  /** Only an administrator reads the log; anyone else is refused, and that is logged too. */
  const mayRead = async (actor: Actor, event: string) => {
    if (actor.member.isAdmin) return;
    await audit(actor, event, 'refused', { reason: 'not an administrator' });
    throw new ForbiddenError(
      'Only a staff administrator can read the audit log. Ask council IT to make you one (npm run staff -- admin <email>) if your work needs it.',
    );
  };

  /** The filters as the repository takes them, and as the log records them (ids, a reference and dates: nothing personal). */
  const filterOf = async (query: AuditQuery): Promise<{ filter: AuditFilter; logged: Record<string, unknown> }> => {
    const filter: AuditFilter = {};
    const logged: Record<string, unknown> = {};
    if (query.event) filter.event = logged.event = query.event;
    if (query.who) filter.userId = logged.who = query.who;
    if (query.reference) {
      const reference = query.reference.trim().toUpperCase();
      const [row] = (
        await repos.triage.list({ reference }, { order: { by: 'newest' }, limit: 1, now: deps.clock.now() })
      ).rows;
      filter.submission = { reference, ...(row ? { id: row.id } : {}) };
      logged.reference = reference;
    }
    const day = (date: string, name: string, instant: (date: string) => number) => {
      try {
        return instant(date);
      } catch {
        throw new RefusedError('bad-date', `The "${name}" date ${date} is not a real date: give it as YYYY-MM-DD.`);
      }
    };
    if (query.from) {
      filter.from = day(query.from, 'from', (date) => instantOnClock(date, 0, timeZone));
      logged.from = query.from;
    }
    if (query.to) {
      filter.to = day(query.to, 'to', (date) => endOfDay(date, timeZone));
      logged.to = query.to;
    }
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
      throw new RefusedError('bad-dates', 'The "from" date is after the "to" date: put the earlier date first.');
    return { filter, logged };
  };

  /** Each entry with who it is about in words: a member's name, or the referrer's account id. */
  const entriesOf = async (records: AuditRecord[]): Promise<AuditLogEntry[]> => {
    const ids = new Set(records.map((r) => r.userId).filter((id): id is string => Boolean(id)));
    const staff = new Map(
      (await repos.staff.list()).filter((m) => ids.has(m.id)).map((m) => [m.id, `${m.forename} ${m.surname}`]),
    );
    return records.map((record) => {
      const id = record.userId ?? undefined;
      const name = id ? staff.get(id) : undefined;
      return {
        id: record.id,
        at: record.at,
        who: !id
          ? { kind: 'nobody', name: 'Nobody signed in' }
          : name
            ? { kind: 'staff', id, name }
            : { kind: 'referrer', id, name: `referrer account ${id}` },
        event: record.event,
        eventLabel: AUDIT_EVENT_LABELS[record.event] ?? record.event,
        outcome: record.outcome,
        ip: record.ip ?? null,
        detail: record.detail ?? {},
      };
    });
  };

  return {
    async page(actor: Actor, query: AuditQuery): Promise<AuditLogPage> {
      await mayRead(actor, 'staff-audit');
      const { filter, logged } = await filterOf(query);
      const beforeId = query.cursor ? decodeCursor(query.cursor) : undefined;
      const records = await repos.auditLog.page(filter, { beforeId, limit: AUDIT_PAGE_SIZE + 1 });
      const shown = records.slice(0, AUDIT_PAGE_SIZE);
      const entries = await entriesOf(shown);
      await audit(actor, 'staff-audit', 'success', { ...logged, shown: entries.length });
      return {
        entries,
        ...(records.length > AUDIT_PAGE_SIZE ? { nextCursor: encodeCursor(shown[shown.length - 1]!.id) } : {}),
      };
    },

    /** Every entry the filters match (up to AUDIT_EXPORT_LIMIT), for a CSV or JSON file. */
    async export(actor: Actor, query: AuditQuery, format: 'csv' | 'json'): Promise<AuditLogEntry[]> {
      await mayRead(actor, 'staff-audit-export');
      const { filter, logged } = await filterOf(query);
      const records = await repos.auditLog.page(filter, { limit: AUDIT_EXPORT_LIMIT + 1 });
      if (records.length > AUDIT_EXPORT_LIMIT)
        throw new RefusedError(
          'too-many',
          `More than ${AUDIT_EXPORT_LIMIT} entries match: an export holds ${AUDIT_EXPORT_LIMIT} at most. Narrow the filters (the dates, say) and export again.`,
        );
      const entries = await entriesOf(records);
      await audit(actor, 'staff-audit-export', 'success', { ...logged, format, exported: entries.length });
      return entries;
    },
  };
}

export type AuditReader = ReturnType<typeof createAuditReader>;
