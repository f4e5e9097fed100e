/**
 * The migrations, in order, as a source knex can run: imported here rather than found on disk,
 * so they run the same under tsx, a bundle, or a test.
 */
import type { Knex } from 'knex';
import * as accounts from './001-accounts.ts';
import * as oneLiveCode from './002-one-live-code.ts';
import * as drafts from './003-drafts.ts';
import * as submissions from './004-submissions.ts';

const migrations: Record<string, Knex.Migration> = {
  '001-accounts': accounts,
  '002-one-live-code': oneLiveCode,
  '003-drafts': drafts,
  '004-submissions': submissions,
};

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

/** Brings the database up to date. */
export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}
