/**
 * The migrations, in order, as a source knex can run: imported here rather than found on disk,
 * so they run the same under tsx, a bundle, or a test.
 */
import type { Knex } from 'knex';
import * as accounts from './001-accounts.ts';
import * as oneLiveCode from './002-one-live-code.ts';
import * as drafts from './003-drafts.ts';
import * as submissions from './004-submissions.ts';
import * as staff from './005-staff.ts';
import * as triage from './006-triage.ts';
import * as deadlines from './007-deadlines.ts';
import * as retention from './008-retention.ts';
import * as replies from './010-replies.ts';
import * as answersApart from './011-answers-apart.ts';
import * as timeIndexes from './012-time-indexes.ts';

const migrations: Record<string, Knex.Migration> = {
  '001-accounts': accounts,
  '002-one-live-code': oneLiveCode,
  '003-drafts': drafts,
  '004-submissions': submissions,
  '005-staff': staff,
  '006-triage': triage,
  '007-deadlines': deadlines,
  '008-retention': retention,
  '010-replies': replies,
  '011-answers-apart': answersApart,
  '012-time-indexes': timeIndexes,
};

/** The migrations as knex reads them (tests step down and up with it). */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

/** Any number, the same in every process: the PostgreSQL advisory lock that one migration at a time holds. */
const MIGRATION_LOCK = 726_561_001;

/**
 * Brings the database up to date; returns the names of the migrations it ran. Processes starting
 * at once on one PostgreSQL take turns (an advisory lock held on a connection of its own), so the
 * second finds nothing left to do, where knex's own lock would make it fail.
 */
export async function migrateToLatest(db: Knex): Promise<string[]> {
  if (db.client.config.client !== 'pg') return (await db.migrate.latest({ migrationSource }))[1];
  const connection = await db.client.acquireConnection();
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return (await db.migrate.latest({ migrationSource }))[1];
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** The migrations this code has that the database has not run yet (none: it is up to date). */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown[], Array<{ file: string } | string>];
  return pending.map((m) => (typeof m === 'string' ? m : m.file));
}
