/**
 * What a failed query's error may say in the log. knex puts the statement in front of the
 * driver's message (`insert into users … - SQLITE_CONSTRAINT: UNIQUE constraint failed:
 * users.email`); with the values bound in (knex's default) the statement holds names, emails and
 * hashes. The database is made with `compileSqlOnError: false`, so the statement keeps its
 * placeholders, and each failed query's error is remembered here with the driver's own words
 * alone, which name tables and constraints, not values (PostgreSQL's `detail`, which quotes the
 * values, is another field, never logged).
 */
import type { Knex } from 'knex';

const driverMessages = new WeakMap<object, string>();

/** Remembers the driver's words of every error a query of `db` fails with. */
export function rememberQueryErrors(db: Knex): Knex {
  db.on('query-error', (error: unknown, query: { sql?: unknown }) => {
    if (!(error instanceof Error) || typeof query?.sql !== 'string') return;
    const statement = `${query.sql} - `;
    if (error.message.startsWith(statement)) driverMessages.set(error, error.message.slice(statement.length));
  });
  return db;
}

/** The driver's own words of a failed query's error; undefined for any other error. */
export function driverMessageOf(error: Error): string | undefined {
  return driverMessages.get(error);
}
