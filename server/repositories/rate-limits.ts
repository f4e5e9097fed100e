/**
 * Counters for rate limits, in the database so that several server processes share them: one
 * row per key and fixed time window, incremented in one statement.
 */
import type { Knex } from 'knex';

export function createRateLimitsRepository(db: Knex) {
  return {
    /** Adds one to the counter of this key and window; returns the new count. */
    async increment(key: string, windowStart: number, trx: Knex = db): Promise<number> {
      const rows = await trx('rate_limits')
        .insert({ key, window_start: windowStart, count: 1 })
        .onConflict(['key', 'window_start'])
        .merge({ count: trx.raw('?? + 1', ['rate_limits.count']) })
        .returning('count');
      return Number((rows[0] as { count: number }).count);
    },
    /** The count of this key and window so far, without adding to it. */
    async count(key: string, windowStart: number, trx: Knex = db): Promise<number> {
      const row = await trx('rate_limits').where({ key, window_start: windowStart }).first('count');
      return Number(row?.count ?? 0);
    },
    /** Forgets every count of this key, and of the keys under it (`key:…`). */
    async forget(key: string, trx: Knex = db): Promise<void> {
      await trx('rate_limits')
        .where('key', key)
        // Keys that start "key:", compared exactly (no wildcards, no collation).
        .orWhereRaw('substr(??, 1, ?) = ?', ['key', key.length + 1, `${key}:`])
        .delete();
    },
    /** Forgets the counts of windows that started (`window_start`) before the cutoff. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('rate_limits').where('window_start', '<', cutoff).delete();
    },
  };
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>;
