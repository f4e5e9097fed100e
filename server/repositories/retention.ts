/**
 * The council's retention of closed submissions: their answers, the texts of their history (notes,
 * questions asked of the referrer, the referrer's answers) and their search keys deleted, and when, written down. The
 * submission's row stays, with what it was; so do its history's events, without their texts, and
 * its outbox messages (one still unsent must still go; sent ones are forgotten a day after).
 */
import type { Knex } from 'knex';

/** Ids to a statement: far below SQLite's and PostgreSQL's limits on bound values. */
const BATCH = 200;

export function createRetentionRepository(db: Knex) {
  return {
    /**
     * Deletes the answers, history texts and search keys of every submission closed at or before
     * `cutoff` that still has them, writing `at` as when; says how many. A submission reopened
     * since has no closed_at, so its clock has stopped.
     */
    async deleteExpiredBefore(cutoff: number, at: number): Promise<number> {
      let deleted = 0;
      for (;;) {
        const done = await db.transaction(async (trx) => {
          const ids = (
            await trx('submissions')
              .where({ status: 'closed' })
              .andWhere('closed_at', '<=', cutoff)
              .whereNull('answers_deleted_at')
              .select('id')
              .orderBy('id')
              .limit(BATCH)
          ).map((row) => row.id as string);
          if (!ids.length) return 0;
          await trx('submission_answers').whereIn('submission_id', ids).delete();
          await trx('submissions').whereIn('id', ids).update({ answers_digest: '', answers_deleted_at: at });
          await trx('submission_events').whereIn('submission_id', ids).update({ text: null, key_id: null });
          // The referrer's answers to the team's questions (their text is required: emptied).
          await trx('submission_replies').whereIn('submission_id', ids).update({ text: '', key_id: '' });
          await trx('submission_search').whereIn('submission_id', ids).delete();
          return ids.length;
        });
        deleted += done;
        if (done < BATCH) return deleted;
      }
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
