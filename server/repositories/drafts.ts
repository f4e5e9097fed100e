/**
 * Forms saved for later, always looked up with their owner: another person's draft is simply not
 * found. Answers arrive and leave sealed; this layer never sees them in clear.
 */
import type { Knex } from 'knex';

export interface Draft {
  id: string;
  userId: string;
  formId: string;
  formVersion: number;
  pageId: string;
  /** The sealed answers (JWE). */
  answers: string;
  keyId: string;
  version: number;
  createdAt: number;
  savedAt: number;
}

/** A draft as listed: everything but its answers. */
export type DraftListing = Omit<Draft, 'answers' | 'keyId'>;

type Row = {
  id: string;
  user_id: string;
  form_id: string;
  form_version: number;
  page_id: string;
  answers: string;
  key_id: string;
  version: number;
  created_at: number;
  saved_at: number;
};

const toListing = (row: Omit<Row, 'answers' | 'key_id'>): DraftListing => ({
  id: row.id,
  userId: row.user_id,
  formId: row.form_id,
  formVersion: Number(row.form_version),
  pageId: row.page_id,
  version: Number(row.version),
  createdAt: Number(row.created_at),
  savedAt: Number(row.saved_at),
});

export function createDraftsRepository(db: Knex) {
  return {
    async insert(draft: Draft, trx: Knex = db): Promise<void> {
      await trx('drafts').insert({
        id: draft.id,
        user_id: draft.userId,
        form_id: draft.formId,
        form_version: draft.formVersion,
        page_id: draft.pageId,
        answers: draft.answers,
        key_id: draft.keyId,
        version: draft.version,
        created_at: draft.createdAt,
        saved_at: draft.savedAt,
      });
    },
    async find(id: string, userId: string, trx: Knex = db): Promise<Draft | null> {
      const row = await trx<Row>('drafts').where({ id, user_id: userId }).first();
      return row ? { ...toListing(row), answers: row.answers, keyId: row.key_id } : null;
    },
    /** A person's drafts, the most recently saved first, with their sealed answers (which say whom each is about). */
    async listForUser(userId: string, trx: Knex = db): Promise<Draft[]> {
      const rows = await trx<Row>('drafts')
        .where({ user_id: userId })
        .orderBy([{ column: 'saved_at', order: 'desc' }, { column: 'id' }]);
      return rows.map((row) => ({ ...toListing(row), answers: row.answers, keyId: row.key_id }));
    },
    /**
     * Saves over a draft, only if it is still at the version the save started from: true when it
     * did, false when the draft is gone or was saved since (by another tab).
     */
    async update(
      id: string,
      userId: string,
      fromVersion: number,
      change: Pick<Draft, 'pageId' | 'answers' | 'keyId' | 'savedAt'>,
      trx: Knex = db,
    ): Promise<boolean> {
      const updated = await trx('drafts')
        .where({ id, user_id: userId, version: fromVersion })
        .update({
          page_id: change.pageId,
          answers: change.answers,
          key_id: change.keyId,
          saved_at: change.savedAt,
          version: fromVersion + 1,
        });
      return updated === 1;
    },
    /** Deletes the person's draft; false when they have none of that id. */
    async delete(id: string, userId: string, trx: Knex = db): Promise<boolean> {
      return (await trx('drafts').where({ id, user_id: userId }).delete()) === 1;
    },
    /** How many drafts the person has, and how many characters their sealed answers take together. */
    async usage(userId: string, trx: Knex = db): Promise<{ count: number; size: number }> {
      const row = (await trx('drafts')
        .where({ user_id: userId })
        .count({ count: '*' })
        .sum({ size: trx.raw('length(answers)') })
        .first()) as { count: number | string; size: number | string | null } | undefined;
      return { count: Number(row?.count ?? 0), size: Number(row?.size ?? 0) };
    },
    /** The names of the keys the drafts saved since a time are sealed with, for checking at start that each is at hand. */
    async keyIdsSince(time: number, trx: Knex = db): Promise<string[]> {
      return (await trx('drafts').distinct('key_id').where('saved_at', '>=', time)).map(
        (row: { key_id: string }) => row.key_id,
      );
    },
    /** Forgets drafts whose last save (`saved_at`) is before the cutoff. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('drafts').where('saved_at', '<', cutoff).delete();
    },
  };
}

export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
