/** Codes sent by email, stored only as hashes, each bound to one purpose and one registration or user. */
import type { Knex } from 'knex';

export type CodePurpose = 'register' | 'sign-in' | 'reset';

export interface EmailCode {
  id: string;
  purpose: CodePurpose;
  subjectId: string;
  codeHash: string;
  attempts: number;
  expiresAt: number;
  consumedAt: number | null;
  createdAt: number;
}

type Row = {
  id: string;
  purpose: CodePurpose;
  subject_id: string;
  code_hash: string;
  attempts: number;
  expires_at: number;
  consumed_at: number | null;
  created_at: number;
};

const toCode = (row: Row): EmailCode => ({
  id: row.id,
  purpose: row.purpose,
  subjectId: row.subject_id,
  codeHash: row.code_hash,
  attempts: Number(row.attempts),
  expiresAt: Number(row.expires_at),
  consumedAt: row.consumed_at === null ? null : Number(row.consumed_at),
  createdAt: Number(row.created_at),
});

export function createEmailCodesRepository(db: Knex) {
  return {
    /** The live code for this purpose and subject (there is at most one), else the newest used one. */
    async findLatest(purpose: CodePurpose, subjectId: string, trx: Knex = db): Promise<EmailCode | null> {
      const live = await trx<Row>('email_codes')
        .where({ purpose, subject_id: subjectId })
        .whereNull('consumed_at')
        .first();
      const row =
        live ??
        (await trx<Row>('email_codes').where({ purpose, subject_id: subjectId }).orderBy('created_at', 'desc').first());
      return row ? toCode(row) : null;
    },
    /**
     * How many codes were sent for this purpose and subject since a time, when the first of them
     * was, and when the last one still unused was: for limiting requests for new ones.
     */
    async countSince(
      purpose: CodePurpose,
      subjectId: string,
      since: number,
      trx: Knex = db,
    ): Promise<{ count: number; earliest: number | null; latest: number | null }> {
      const row = (await trx('email_codes')
        .where({ purpose, subject_id: subjectId })
        .andWhere('created_at', '>=', since)
        .count<{ count: number | string }>({ count: '*' })
        .min<{ earliest: number | string | null }>({ earliest: 'created_at' })
        .select(trx.raw('max(case when consumed_at is null then created_at end) as latest'))
        .first()) as
        | { count: number | string; earliest: number | string | null; latest: number | string | null }
        | undefined;
      const time = (value: number | string | null | undefined) =>
        value === null || value === undefined ? null : Number(value);
      return { count: Number(row?.count ?? 0), earliest: time(row?.earliest), latest: time(row?.latest) };
    },

    /**
     * Stores a new code; the older live code for the same purpose and subject stops working. With
     * `replacesOnlyBefore`, a live code made after that time is kept, and the new one is refused
     * by the database (one live code each): so of two requests at once, one wins.
     */
    async replace(code: EmailCode, replacesOnlyBefore?: number, trx: Knex = db): Promise<void> {
      const older = trx('email_codes')
        .where({ purpose: code.purpose, subject_id: code.subjectId })
        .whereNull('consumed_at');
      if (replacesOnlyBefore !== undefined) older.andWhere('created_at', '<=', replacesOnlyBefore);
      await older.update({ consumed_at: code.createdAt });
      await trx('email_codes').insert({
        id: code.id,
        purpose: code.purpose,
        subject_id: code.subjectId,
        code_hash: code.codeHash,
        attempts: 0,
        expires_at: code.expiresAt,
        consumed_at: null,
        created_at: code.createdAt,
      });
    },
    /**
     * Takes one of the code's tries before it is compared, in one statement, so parallel guesses
     * cannot compare more than the allowed number: the number of this try, or null when no try is left.
     */
    async reserveAttempt(id: string, maxTries: number, trx: Knex = db): Promise<number | null> {
      const updated = await trx('email_codes')
        .where({ id })
        .whereNull('consumed_at')
        .andWhere('attempts', '<', maxTries)
        .increment('attempts', 1);
      if (updated !== 1) return null;
      const row = await trx<Row>('email_codes').where({ id }).first('attempts');
      return Number(row?.attempts ?? maxTries);
    },
    /** Forgets codes whose expiry (`expires_at`) is before the cutoff, used or not. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('email_codes').where('expires_at', '<', cutoff).delete();
    },
    /** Marks a code used, once: false when it was already used (two requests racing with one code). */
    async consume(id: string, at: number, trx: Knex = db): Promise<boolean> {
      return (await trx('email_codes').where({ id }).whereNull('consumed_at').update({ consumed_at: at })) === 1;
    },
    /** Deletes the codes for this purpose and subject made before a time (used, or replaced by a later one). */
    async clearEarlier(purpose: CodePurpose, subjectId: string, before: number, trx: Knex = db): Promise<number> {
      return trx('email_codes').where({ purpose, subject_id: subjectId }).andWhere('created_at', '<', before).delete();
    },
  };
}

export type EmailCodesRepository = ReturnType<typeof createEmailCodesRepository>;
