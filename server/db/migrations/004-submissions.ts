/**
 * Submitted forms, and the outbox of what must go out because of them (the confirmation email,
 * the delivery to the council's case system). A submission and its outbox rows are written in
 * one transaction; a relay sends each row and marks it sent only after sending, so a mail server
 * or case system that is down delays a message and never loses it.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('submissions', (t) => {
    t.string('id', 36).primary();
    t.string('reference', 20).notNullable().unique();
    t.string('user_id', 36).notNullable().references('users.id').index();
    t.string('form_id', 100).notNullable();
    t.integer('form_version').notNullable();
    t.text('answers').notNullable();
    t.string('key_id', 50).notNullable();
    // The page's own key for this submission: a retried or doubled request finds the first one.
    t.string('idempotency_key', 64).notNullable();
    t.bigInteger('submitted_at').notNullable().index();
    t.unique(['user_id', 'idempotency_key']);
  });
  await db.schema.createTable('outbox', (t) => {
    t.string('id', 36).primary();
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE').index();
    t.string('kind', 20).notNullable();
    t.text('payload').notNullable();
    t.string('key_id', 50).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('next_attempt_at').notNullable().index();
    t.bigInteger('locked_until');
    t.bigInteger('sent_at');
    t.string('last_error', 200);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('outbox');
  await db.schema.dropTableIfExists('submissions');
}
