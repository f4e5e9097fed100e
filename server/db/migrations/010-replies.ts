/**
 * The referrer's answers to the triage team's questions: one answer to each question (a
 * `more-information` entry of submission_events), its text sealed like the answers. A table of
 * its own rather than rows of submission_events, whose every row is a member of staff's doing
 * (staff_id NOT NULL), so neither table's meaning, nor its constraints, are loosened.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('submission_replies', (t) => {
    t.string('id', 36).primary();
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE').index();
    // The question answered: once only, however often the page sends it.
    t.string('question_id', 36).notNullable().unique().references('submission_events.id').onDelete('CASCADE');
    t.string('user_id', 36).notNullable().references('users.id');
    t.bigInteger('at').notNullable();
    // Sealed (answers-at-rest).
    t.text('text').notNullable();
    t.string('key_id', 50).notNullable();
  });
  await db.schema.alterTable('submissions', (t) => {
    // When the referrer's answer came, until staff next change the status: the inbox marks it "Answer received".
    t.bigInteger('answer_received_at');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    t.dropColumn('answer_received_at');
  });
  await db.schema.dropTableIfExists('submission_replies');
}
