/**
 * What must go out because of a submission, until it has. Rows are claimed before sending (on
 * PostgreSQL with FOR UPDATE SKIP LOCKED, so several server processes never send one twice at
 * once), and marked sent only after sending.
 */
import type { Knex } from 'knex';
import { isPostgres } from '../db/database.ts';

export type OutboxKind = 'email' | 'webhook';

export interface OutboxMessage {
  id: string;
  submissionId: string;
  kind: OutboxKind;
  /** Sealed (JWE): an email or a delivery, both of which hold personal data. */
  payload: string;
  keyId: string;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
}

type Row = {
  id: string; submission_id: string; kind: OutboxKind; payload: string; key_id: string; attempts: number; created_at: number;
  next_attempt_at: number; locked_until: number | null; sent_at: number | null; last_error: string | null;
};

const toMessage = (row: Row): OutboxMessage => ({
  id: row.id, submissionId: row.submission_id, kind: row.kind, payload: row.payload, keyId: row.key_id, attempts: Number(row.attempts),
  createdAt: Number(row.created_at), nextAttemptAt: Number(row.next_attempt_at),
});

export function createOutboxRepository(db: Knex) {
  return {
    async insert(message: Omit<OutboxMessage, 'attempts'>, trx: Knex = db): Promise<void> {
      await trx('outbox').insert({
        id: message.id, submission_id: message.submissionId, kind: message.kind, payload: message.payload, key_id: message.keyId,
        attempts: 0, created_at: message.createdAt, next_attempt_at: message.nextAttemptAt,
      });
    },
    /** Takes up to `limit` messages that are due and not being sent, for `lockMs` (past that, a crashed sender's claim lapses). */
    async claimDue(now: number, lockMs: number, limit: number): Promise<OutboxMessage[]> {
      return db.transaction(async (trx) => {
        const query = trx<Row>('outbox').whereNull('sent_at').andWhere('next_attempt_at', '<=', now)
          .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now))
          .orderBy('next_attempt_at').limit(limit);
        const rows = isPostgres(db) ? await query.forUpdate().skipLocked() : await query;
        if (rows.length) await trx('outbox').whereIn('id', rows.map((row) => row.id)).update({ locked_until: now + lockMs });
        return rows.map(toMessage);
      });
    },
    async markSent(id: string, at: number): Promise<void> {
      await db('outbox').where({ id }).update({ sent_at: at, locked_until: null, last_error: null });
    },
    /** Records a failed try and when to try again. `error` names the kind of failure, never its detail (which may hold an address). */
    async markFailed(id: string, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
      await db('outbox').where({ id }).update({ attempts, next_attempt_at: nextAttemptAt, locked_until: null, last_error: error.slice(0, 200) });
    },
    /** What has not gone out yet, for tests and for anyone watching the service. */
    async pending(): Promise<Array<{ id: string; kind: OutboxKind; attempts: number; lastError: string | null }>> {
      const rows = await db<Row>('outbox').whereNull('sent_at').orderBy('created_at');
      return rows.map((row) => ({ id: row.id, kind: row.kind, attempts: Number(row.attempts), lastError: row.last_error }));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
