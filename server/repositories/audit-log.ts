/**
 * The audit log: sign-ins, failures, lockouts, resets, and every look and action of the council's
 * staff. It can only be added to: this repository has no update or delete, and the database
 * refuses them too. A staff administrator reads it, filtered, a page at a time.
 */
import type { Knex } from 'knex';

export type AuditOutcome = 'success' | 'failure' | 'refused';

export interface AuditEntry {
  at: number;
  event: string;
  outcome: AuditOutcome;
  userId?: string | null;
  /** A hash of the email tried, so failures for one address can be traced without keeping the address. */
  emailHash?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** What an administrator narrows the log to; every part optional. */
export interface AuditFilter {
  event?: string;
  /** A member of staff's id or a referrer's account id. */
  userId?: string;
  /** Entries whose detail names this submission, by its reference or its id. */
  submission?: { reference: string; id?: string };
  /** From this instant, inclusive. */
  from?: number;
  /** Up to this instant, inclusive. */
  to?: number;
}

export type AuditRecord = AuditEntry & { id: number };

type Row = {
  id: number;
  at: number;
  event: string;
  outcome: AuditOutcome;
  user_id: string | null;
  email_hash: string | null;
  ip: string | null;
  detail: string | null;
};

export function createAuditLogRepository(db: Knex) {
  /** The newest entries first that the filter matches, `limit` of them, older than the entry `beforeId`. */
  async function page(
    filter: AuditFilter,
    { beforeId, limit }: { beforeId?: number; limit: number },
    trx: Knex = db,
  ): Promise<AuditRecord[]> {
    const query = trx<Row>('audit_log').orderBy('id', 'desc').limit(limit);
    if (beforeId !== undefined) query.where('id', '<', beforeId);
    if (filter.userId) query.where({ user_id: filter.userId });
    if (filter.event) query.where({ event: filter.event });
    if (filter.from !== undefined) query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query.where('at', '<=', filter.to);
    const { submission } = filter;
    // The detail is JSON written by add() (no spaces), and references and ids hold no % or _:
    // a LIKE on the text finds them the same way on SQLite and PostgreSQL.
    if (submission)
      query.where((q) => {
        q.where('detail', 'like', `%${JSON.stringify({ reference: submission.reference }).slice(1, -1)}%`);
        if (submission.id)
          q.orWhere('detail', 'like', `%${JSON.stringify({ submissionId: submission.id }).slice(1, -1)}%`);
      });
    return (await query).map((row) => ({
      id: Number(row.id),
      at: Number(row.at),
      event: row.event,
      outcome: row.outcome,
      userId: row.user_id,
      emailHash: row.email_hash,
      ip: row.ip,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : undefined,
    }));
  }

  return {
    async add(entry: AuditEntry, trx: Knex = db): Promise<void> {
      await trx('audit_log').insert({
        at: entry.at,
        event: entry.event,
        outcome: entry.outcome,
        user_id: entry.userId ?? null,
        email_hash: entry.emailHash ?? null,
        ip: entry.ip ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      });
    },
    /** The newest entries first, optionally of one user or event. */
    list(filter: { userId?: string; event?: string; limit?: number } = {}, trx: Knex = db): Promise<AuditRecord[]> {
      return page(filter, { limit: filter.limit ?? 100 }, trx);
    },
    page,
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
