/**
 * The referrer's answers to the triage team's questions (submission_replies): one to each
 * question, its text sealed like the answers; and, for the referrer's own screens, the latest
 * question asked of them on each submission with their answer, if they gave one.
 */
import type { Knex } from 'knex';
import { isUniqueViolation } from './submissions.ts';

export interface ReplyRow {
  id: string;
  submissionId: string;
  /** The question (a submission_events entry) it answers. */
  questionId: string;
  userId: string;
  at: number;
  /** Sealed (JWE). */
  text: string;
  keyId: string;
}

/** The latest question asked on a submission, whether the submission still waits on it, and its answer. */
export interface LatestQuestion {
  eventId: string;
  /** Sealed (JWE). */
  text: string;
  /** The submission's status is still `more-information`. */
  waiting: boolean;
  reply: ReplyRow | null;
}

// biome-ignore lint/suspicious/noExplicitAny: a row, read column by column
const toReply = (row: any): ReplyRow => ({
  id: row.id,
  submissionId: row.submission_id,
  questionId: row.question_id,
  userId: row.user_id,
  at: Number(row.at),
  text: row.text,
  keyId: row.key_id,
});

export function createRepliesRepository(db: Knex) {
  return {
    /** Adds an answer; 'duplicate' when its question already has one (another tab, a double click). */
    async add(reply: ReplyRow, trx: Knex = db): Promise<'inserted' | 'duplicate'> {
      try {
        // A savepoint of its own, so a refusal leaves the surrounding transaction usable on PostgreSQL.
        await trx.transaction(async (inner) => {
          await inner('submission_replies').insert({
            id: reply.id,
            submission_id: reply.submissionId,
            question_id: reply.questionId,
            user_id: reply.userId,
            at: reply.at,
            text: reply.text,
            key_id: reply.keyId,
          });
        });
        return 'inserted';
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },
    /** A submission's answers, the oldest first. */
    async forSubmission(submissionId: string, trx: Knex = db): Promise<ReplyRow[]> {
      const rows = await trx('submission_replies').where({ submission_id: submissionId }).orderBy('at');
      return rows.map(toReply);
    },
    /** For each of these submissions that was ever asked a question: the latest, and its answer. */
    async latestQuestions(ids: string[], trx: Knex = db): Promise<Map<string, LatestQuestion>> {
      if (!ids.length) return new Map();
      const rows = await trx('submission_events as e')
        .join('submissions as s', 's.id', 'e.submission_id')
        .leftJoin('submission_replies as r', 'r.question_id', 'e.id')
        .whereIn('e.submission_id', ids)
        .where({ 'e.kind': 'status', 'e.status': 'more-information' })
        .select(
          'e.submission_id',
          'e.id as event_id',
          'e.text as question',
          's.status',
          'r.id',
          'r.question_id',
          'r.user_id',
          'r.at',
          'r.text',
          'r.key_id',
        )
        .orderBy('e.seq');
      // In order, so each submission keeps its latest.
      return new Map(
        rows.map((row) => [
          row.submission_id as string,
          {
            eventId: row.event_id as string,
            text: row.question as string,
            waiting: row.status === 'more-information',
            reply: row.id ? toReply(row) : null,
          },
        ]),
      );
    },
  };
}

export type RepliesRepository = ReturnType<typeof createRepliesRepository>;
