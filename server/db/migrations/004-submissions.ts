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
    // What was sent under the key: the same key with other answers is refused, not quietly answered.
    t.string('answers_digest', 64).notNullable();
    // The saved copy it came from: one submission per saved copy, whichever tab sends it.
    t.string('draft_id', 36);
    t.bigInteger('submitted_at').notNullable().index();
    t.unique(['user_id', 'idempotency_key']);
    t.unique(['user_id', 'draft_id']);
  });
  await db.schema.createTable('outbox', (t) => {
    t.string('id', 36).primary();
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE').index();
    t.string('kind', 20).notNullable();
    t.text('payload').notNullable();
    t.string('key_id', 50).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('next_attempt_at').notNullable();
    t.bigInteger('locked_until');
    // Who holds the claim: only they may mark the message sent or failed.
    t.string('claimed_by', 36);
    t.bigInteger('sent_at');
    t.string('last_error', 200);
    t.index(['sent_at', 'next_attempt_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('outbox');
  await db.schema.dropTableIfExists('submissions');
}
