/**
 * npm run db:migrate: brings the database the server is configured for (DATABASE_URL, or SQLite
 * under DATA_DIR) up to date, on its own, as a deployment step before the new version starts
 * (then start it with MIGRATE_ON_START=false). Safe to run from several places at once. Wrong
 * settings, or a database it cannot reach, are printed as the server prints them, and it exits 78.
 */
import { exitOnConfigError, readConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';

const open = async () => openDatabase(readConfig(process.env));
const db = await open().catch(exitOnConfigError);
try {
  const ran = await migrateToLatest(db);
  console.log(ran.length ? `Migrations run: ${ran.join(', ')}.` : 'The database is up to date: no migration to run.');
} catch (error) {
  console.error(`The migrations could not run: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
