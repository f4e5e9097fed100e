/** Captcha solutions already used: a solution works once, until its challenge would have expired anyway. */
import type { Knex } from 'knex';

export function createSpentCaptchasRepository(db: Knex) {
  return {
    /** Records a solution as spent; false when it was spent before (a replay). */
    async spend(id: string, expiresAt: number, trx: Knex = db): Promise<boolean> {
      const inserted = await trx('spent_captchas')
        .insert({ id, expires_at: expiresAt })
        .onConflict('id')
        .ignore()
        .returning('id');
      return inserted.length === 1;
    },
    /** Forgets solutions whose challenge expired (`expires_at`) before the cutoff: they would be refused anyway. */
    async deleteExpiredBefore(cutoff: number, trx: Knex = db): Promise<number> {
      return trx('spent_captchas').where('expires_at', '<', cutoff).delete();
    },
  };
}

export type SpentCaptchasRepository = ReturnType<typeof createSpentCaptchasRepository>;
