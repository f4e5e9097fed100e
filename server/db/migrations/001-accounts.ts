/**
 * Accounts: users, registrations waiting for their code, the codes sent by email, sessions,
 * rate-limit counters, spent captcha solutions and the audit log. Times are milliseconds since
 * 1970 (bigint), the same on SQLite and PostgreSQL.
 */
import type { Knex } from 'knex';
import { isPostgres } from '../database.ts';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('users', (t) => {
    t.string('id', 36).primary();
    t.string('email', 254).notNullable().unique();
    t.string('forename', 100).notNullable();
    t.string('surname', 100).notNullable();
    t.string('password_hash', 200).notNullable();
    t.string('role', 20).notNullable().defaultTo('referrer');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('password_changed_at').notNullable();
  });
  await db.schema.createTable('registrations', (t) => {
    t.string('id', 36).primary();
    t.string('email', 254).notNullable().index();
    t.string('forename', 100).notNullable();
    t.string('surname', 100).notNullable();
    t.string('password_hash', 200).notNullable();
    t.bigInteger('created_at').notNullable();
  });
  await db.schema.createTable('email_codes', (t) => {
    t.string('id', 36).primary();
    t.string('purpose', 20).notNullable();
    // The registration or the user the code is for: a code only ever works for its own purpose and subject.
    t.string('subject_id', 36).notNullable();
    t.string('code_hash', 100).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('consumed_at');
    t.bigInteger('created_at').notNullable();
    t.index(['purpose', 'subject_id']);
  });
  await db.schema.createTable('sessions', (t) => {
    // The hash of the session id: the id itself is only ever in the person's cookie.
    t.string('id_hash', 64).primary();
    t.string('user_id', 36).notNullable().references('users.id').onDelete('CASCADE').index();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_seen_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('revoked_at');
  });
  await db.schema.createTable('rate_limits', (t) => {
    t.string('key', 200).notNullable();
    t.bigInteger('window_start').notNullable();
    t.integer('count').notNullable();
    t.primary(['key', 'window_start']);
  });
  await db.schema.createTable('spent_captchas', (t) => {
    t.string('id', 64).primary();
    t.bigInteger('expires_at').notNullable().index();
  });
  await db.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.bigInteger('at').notNullable().index();
    t.string('event', 50).notNullable();
    t.string('outcome', 20).notNullable();
    t.string('user_id', 36);
    t.string('email_hash', 64);
    t.string('ip', 64);
    t.text('detail');
  });
  // The audit log only grows: the database itself refuses to change or delete a row.
  if (isPostgres(db)) {
    await db.raw(`CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'the audit log cannot be changed'; END; $$ LANGUAGE plpgsql`);
    await db.raw(
      'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()',
    );
  } else {
    await db.raw(
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
    );
    await db.raw(
      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END",
    );
  }
}

export async function down(db: Knex): Promise<void> {
  if (isPostgres(db)) await db.raw('DROP FUNCTION IF EXISTS audit_log_is_append_only() CASCADE');
  for (const table of [
    'audit_log',
    'spent_captchas',
    'rate_limits',
    'sessions',
    'email_codes',
    'registrations',
    'users',
  ])
    await db.schema.dropTableIfExists(table);
}
