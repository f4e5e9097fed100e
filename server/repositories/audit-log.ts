/**
 * The audit log: sign-ins, failures, lockouts, resets and (later) staff views. It can only be
 * added to: this repository has no update or delete, and the database refuses them too.
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
    async list(
      filter: { userId?: string; event?: string; limit?: number } = {},
      trx: Knex = db,
    ): Promise<Array<AuditEntry & { id: number }>> {
      const query = trx<Row>('audit_log')
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100);
      if (filter.userId) query.where({ user_id: filter.userId });
      if (filter.event) query.where({ event: filter.event });
      return (await query).map((row) => ({
        id: row.id,
        at: Number(row.at),
        event: row.event,
        outcome: row.outcome,
        userId: row.user_id,
        emailHash: row.email_hash,
        ip: row.ip,
        detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : undefined,
      }));
    },
  };
}

export type AuditLogRepository = ReturnType<typeof createAuditLogRepository>;
