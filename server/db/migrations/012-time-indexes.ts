/**
 * Indexes for what is read by time: an account's sent forms newest first (the list, and "sent in
 * the last 30 days"), and what housekeeping forgets once it is old (sessions, emailed codes,
 * registrations, rate-limit windows). Without them each of those reads every row of its table,
 * which grows with every form and every sign-in.
 */
import type { Knex } from 'knex';

const BY_TIME: Array<[table: string, columns: string[]]> = [
  ['submissions', ['user_id', 'submitted_at']],
  ['sessions', ['expires_at']],
  ['sessions', ['revoked_at']],
  ['staff_sessions', ['expires_at']],
  ['staff_sessions', ['revoked_at']],
  ['email_codes', ['expires_at']],
  ['registrations', ['created_at']],
  ['rate_limits', ['window_start']],
];

export async function up(db: Knex): Promise<void> {
  for (const [table, columns] of BY_TIME) await db.schema.alterTable(table, (t) => t.index(columns));
}

export async function down(db: Knex): Promise<void> {
  for (const [table, columns] of BY_TIME) await db.schema.alterTable(table, (t) => t.dropIndex(columns));
}
