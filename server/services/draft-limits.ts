/**
 * What one account may keep saved, so that one person (or one stolen session) cannot fill the
 * database: so many drafts, so much in all, and so many saves in a few minutes. A save past a
 * limit is refused before anything is written, with what to do, and every saved form stays as it
 * was. Only the rate scales with RATE_LIMIT_SCALE; what is kept does not.
 */
import type { Knex } from 'knex';
import { allAtOnce, writeTransaction } from '../db/database.ts';
import type { DraftsRepository } from '../repositories/drafts.ts';
import { MINUTE } from './clock.ts';
import { RefusedError } from './errors.ts';
import type { Limit, RateLimiter } from './rate-limiter.ts';

export const DRAFT_LIMITS = {
  /** Drafts kept for one account. */
  perAccount: 50,
  /** Characters of sealed answers kept for one account, all its drafts together (10 MB). */
  totalSize: 10_000_000,
  /** Saves (new or over one) by one account in a window; the page saves when asked, and once at a timeout. */
  saves: { max: 30, windowMs: 5 * MINUTE } satisfies Limit,
};

const DELETE_SOME =
  'Delete saved forms you no longer need (choose Saved forms from the menu under your name), then save this one again.';

export function createDraftLimits(deps: {
  db: Knex;
  drafts: DraftsRepository;
  limiter: RateLimiter;
  rateLimitScale?: number;
}) {
  const { db, drafts, limiter } = deps;
  const saves = { ...DRAFT_LIMITS.saves, max: DRAFT_LIMITS.saves.max * (deps.rateLimitScale ?? 1) };
  const save = (userId: string, trx?: Knex) =>
    limiter.hit(
      `draft-save:user:${userId}`,
      saves,
      'You have saved forms a great many times in the last few minutes',
      trx,
    );
  return {
    /** Counts a save by the person; refuses one past the rate. */
    save,

    /**
     * A save that goes ahead: counted and written in one transaction, so one commit. Past the
     * rate nothing is kept (the transaction rolls back); refused by `write` (with an error), the
     * count is kept all the same.
     */
    async counted<T>(userId: string, write: (trx: Knex) => Promise<T>): Promise<T> {
      let refused: { error: unknown } | undefined;
      let written: T | undefined;
      // Either may be the transaction's first statement: each is a write (see allAtOnce).
      await writeTransaction(db, (trx) =>
        allAtOnce(trx, [
          () => save(userId, trx),
          async () => {
            try {
              written = await write(trx);
            } catch (error) {
              refused = { error };
            }
          },
        ]),
      );
      if (refused) throw refused.error;
      return written as T;
    },

    /** What comes before a save is written: refused there, the save is counted all the same (and past the rate, refused as that). */
    async before<T>(userId: string, work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        await save(userId);
        throw error;
      }
    },

    /** What the account keeps now: the drafts, and their size together. */
    usage: (userId: string) => drafts.usage(userId),

    /** Refuses a save that would keep more than the account may (`usage` as read before it): `replacing` is the size of the draft saved over, if any. */
    room(usage: { count: number; size: number }, size: number, replacing?: number): void {
      if (replacing === undefined && usage.count >= DRAFT_LIMITS.perAccount)
        throw new RefusedError(
          'too-many-drafts',
          `You have ${DRAFT_LIMITS.perAccount} saved forms, as many as we can keep for one account. ${DELETE_SOME}`,
        );
      if (usage.size - (replacing ?? 0) + size > DRAFT_LIMITS.totalSize)
        throw new RefusedError(
          'drafts-full',
          `Your saved forms take up all the space we can keep for one account${replacing === undefined ? '' : ', so the copy saved before is kept as it was'}. ${DELETE_SOME}`,
        );
    },
  };
}

export type DraftLimits = ReturnType<typeof createDraftLimits>;
