/** Whether this process should be sent requests: its database answers and is up to date, and it is not stopping. */
import type { Knex } from 'knex';
import { pendingMigrations } from '../db/migrations/index.ts';
import type { Logger } from './log.ts';

/** How long the database may take to answer before it counts as down. */
const DATABASE_TIMEOUT_MS = 2000;

export interface ReadinessState {
  /** Set once the server starts to stop: it finishes what it has, and takes nothing new. */
  stopping: boolean;
}

/**
 * The checks /readyz answers with. Anyone who can reach it may read them, so a database's own
 * words (its host, its database's name) go to the log, not into the answer.
 */
export function createReadiness(db: Knex, state: ReadinessState, log: Logger): () => Promise<Record<string, string>> {
  const within = <T>(work: Promise<T>): Promise<T> =>
    Promise.race([
      work,
      new Promise<T>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer in ${DATABASE_TIMEOUT_MS / 1000} s`)),
          DATABASE_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
  return async () => {
    const checks: Record<string, string> = { database: 'ok', migrations: 'ok', accepting: 'ok' };
    try {
      await within(db.raw('select 1'));
      const pending = await within(pendingMigrations(db));
      if (pending.length) checks.migrations = `${pending.length} to run (npm run db:migrate): ${pending.join(', ')}`;
    } catch (error) {
      const timedOut = (error as Error).message.startsWith('no answer in');
      checks.database = timedOut
        ? `not answering: no answer in ${DATABASE_TIMEOUT_MS / 1000} s`
        : 'not answering: see the log';
      if (!timedOut) log.warn({ err: error }, 'The database is not answering: /readyz says not ready.');
      checks.migrations = 'unknown while the database is not answering';
    }
    if (state.stopping) checks.accepting = 'shutting down';
    return checks;
  };
}
