/**
 * What must go out because of a submission, until it has. A sender claims messages in one
 * statement, under a token of its own and for a time (on PostgreSQL its subquery takes the rows
 * FOR UPDATE SKIP LOCKED, so several server processes never claim one message together); only the
 * holder of a claim may mark a message sent or failed. Once sent, a message's sealed content is
 * blanked: the submission keeps the answers, and the outbox no longer needs them.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { isPostgres, writeAlone } from '../db/database.ts';

export type OutboxKind = 'email' | 'delivery';

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

/** A claimed message: `claim` is the token that lets its holder mark it. */
export type ClaimedMessage = OutboxMessage & { claim: string };

type Row = {
  id: string;
  submission_id: string;
  kind: OutboxKind;
  payload: string;
  key_id: string;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
  locked_until: number | null;
  claimed_by: string | null;
  sent_at: number | null;
  last_error: string | null;
};

const toMessage = (row: Row): OutboxMessage => ({
  id: row.id,
  submissionId: row.submission_id,
  kind: row.kind,
  payload: row.payload,
  keyId: row.key_id,
  attempts: Number(row.attempts),
  createdAt: Number(row.created_at),
  nextAttemptAt: Number(row.next_attempt_at),
});

/** The messages' ids by the claim they are held under. */
function byClaim(messages: ClaimedMessage[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { claim, id } of messages) groups.set(claim, [...(groups.get(claim) ?? []), id]);
  return groups;
}

export function createOutboxRepository(db: Knex) {
  /** Several messages in one statement. */
  async function insertAll(messages: Array<Omit<OutboxMessage, 'attempts'>>, trx: Knex = db): Promise<void> {
    if (!messages.length) return;
    await trx('outbox').insert(
      messages.map((message) => ({
        id: message.id,
        submission_id: message.submissionId,
        kind: message.kind,
        payload: message.payload,
        key_id: message.keyId,
        attempts: 0,
        created_at: message.createdAt,
        next_attempt_at: message.nextAttemptAt,
      })),
    );
  }

  return {
    async insert(message: Omit<OutboxMessage, 'attempts'>, trx: Knex = db): Promise<void> {
      await insertAll([message], trx);
    },
    insertAll,
    /**
     * Claims up to `limit` messages (of one kind, if given) that are due and not claimed by anyone
     * else, until `now + lockMs`, in one statement: an UPDATE … RETURNING whose subquery, on
     * PostgreSQL, takes the rows FOR UPDATE SKIP LOCKED (SQLite runs one writer at a time).
     */
    async claimDue(now: number, lockMs: number, limit: number, kind?: OutboxKind): Promise<ClaimedMessage[]> {
      const claim = randomUUID();
      const due = db('outbox')
        .select('id')
        .whereNull('sent_at')
        .modify((q) => {
          if (kind) q.andWhere({ kind });
        })
        .andWhere('next_attempt_at', '<=', now)
        .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now))
        .orderBy('next_attempt_at')
        .limit(limit);
      if (isPostgres(db)) due.forUpdate().skipLocked();
      const rows: Row[] = await writeAlone(db, async () =>
        db('outbox')
          .whereIn('id', due)
          .update({ locked_until: now + lockMs, claimed_by: claim })
          .returning(['id', 'submission_id', 'kind', 'payload', 'key_id', 'attempts', 'created_at', 'next_attempt_at']),
      );
      return rows.map((row) => ({ ...toMessage(row), claim })).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    },
    /** Marks a message sent (blanking its content); false when the claim had lapsed and another sender took it. */
    async markSent(message: ClaimedMessage, at: number): Promise<boolean> {
      return (await this.markAllSent([message], at)).length === 1;
    },
    /**
     * Marks messages sent in one statement (blanking their content); returns the ids marked, so
     * those missing are the ones whose claim had lapsed and another sender took.
     */
    async markAllSent(messages: ClaimedMessage[], at: number): Promise<string[]> {
      const marked: string[] = [];
      for (const [claim, ids] of byClaim(messages)) {
        const rows: Array<{ id: string }> = await writeAlone(db, async () =>
          db('outbox')
            .where({ claimed_by: claim })
            .whereIn('id', ids)
            .update({ sent_at: at, payload: '', locked_until: null, claimed_by: null, last_error: null })
            .returning('id'),
        );
        marked.push(...rows.map((row) => row.id));
      }
      return marked;
    },
    /** Records a failed try and when to try again. `error` names the kind of failure, never its detail (which may hold an address). */
    async markFailed(message: ClaimedMessage, attempts: number, nextAttemptAt: number, error: string): Promise<void> {
      await writeAlone(db, async () =>
        db('outbox')
          .where({ id: message.id, claimed_by: message.claim })
          .update({
            attempts,
            next_attempt_at: nextAttemptAt,
            locked_until: null,
            claimed_by: null,
            last_error: error.slice(0, 200),
          }),
      );
    },
    /** Gives claimed messages back untried, due as they were, for any sender to take at once. */
    async release(messages: ClaimedMessage[]): Promise<void> {
      for (const [claim, ids] of byClaim(messages))
        await writeAlone(db, async () =>
          db('outbox').where({ claimed_by: claim }).whereIn('id', ids).update({ locked_until: null, claimed_by: null }),
        );
    },
    /** The names of the keys the unsent messages are sealed with, for checking at start that each is at hand. */
    async unsentKeyIds(): Promise<string[]> {
      return (await db('outbox').distinct('key_id').whereNull('sent_at')).map((row: { key_id: string }) => row.key_id);
    },
    /** How many messages of each kind wait to be sent, and when the oldest of them was made (for /metrics). */
    async unsentByKind(): Promise<Array<{ kind: OutboxKind; count: number; oldestCreatedAt: number }>> {
      const rows: Array<{ kind: OutboxKind; count: unknown; oldest: unknown }> = await db('outbox')
        .select('kind')
        .count({ count: '*' })
        .min({ oldest: 'created_at' })
        .whereNull('sent_at')
        .groupBy('kind');
      return rows.map((row) => ({ kind: row.kind, count: Number(row.count), oldestCreatedAt: Number(row.oldest) }));
    },
    /** Forgets messages sent (`sent_at`) before the cutoff: their content is already blank. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('outbox').whereNotNull('sent_at').andWhere('sent_at', '<', cutoff).delete();
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
