/**
 * The database files themselves. SQLite overwrites what is deleted (secure_delete, set on every
 * connection in db/database.ts), but the write-ahead log keeps earlier copies of each page until
 * it is checkpointed: after forgetting, the log is copied into the database and emptied, so what
 * went is in neither file. PostgreSQL's files are its own; nothing to do here.
 */
import type { Knex } from 'knex';
import { isPostgres } from '../db/database.ts';

export function createStorageRepository(db: Knex) {
  return {
    /** Leaves no copy of deleted rows in the write-ahead log (when no reader holds it; else at the next run). */
    async flushDeleted(): Promise<void> {
      if (!isPostgres(db)) await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    },
  };
}

export type StorageRepository = ReturnType<typeof createStorageRepository>;
