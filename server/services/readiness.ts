/** Whether this process should be sent requests: its database answers and is up to date, and it is not stopping. */
import type { Knex } from 'knex';
import { pendingMigrations } from '../db/migrations/index.ts';

/** How long the database may take to answer before it counts as down. */
const DATABASE_TIMEOUT_MS = 2000;

export interface ReadinessState {
  /** Set once the server starts to stop: it finishes what it has, and takes nothing new. */
  stopping: boolean;
}

export function createReadiness(db: Knex, state: ReadinessState): () => Promise<Record<string, string>> {
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
      checks.database = `not answering: ${(error as Error).message}`;
      checks.migrations = 'unknown while the database is not answering';
    }
    if (state.stopping) checks.accepting = 'shutting down';
    return checks;
  };
}
