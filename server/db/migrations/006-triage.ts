/**
 * The triage team's work on submissions: each one's status (new until someone starts on it), who
 * has it, the outcome it was closed with; its history (assigned, status changed, notes, questions
 * asked of the referrer, those texts sealed like the answers); and the search index, keyed hashes
 * of the person's name, date of birth and NHS number, so staff can find a referral by them with
 * none of them kept in clear.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    t.string('status', 20).notNullable().defaultTo('new').index();
    t.string('assignee_id', 36).references('staff.id').index();
    t.string('outcome', 40);
    t.bigInteger('status_changed_at');
    t.bigInteger('closed_at');
    // Which key its search hashes were made with: null for submissions from before the index, and
    // another after SESSION_SECRET changed; either is indexed again at start.
    t.string('search_key_id', 16);
  });
  await db.schema.createTable('submission_events', (t) => {
    // The order things were done in, even within one millisecond.
    t.increments('seq').primary();
    t.string('id', 36).notNullable().unique();
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE').index();
    t.string('staff_id', 36).notNullable().references('staff.id');
    t.bigInteger('at').notNullable();
    t.string('kind', 20).notNullable();
    t.string('assignee_id', 36);
    t.string('status', 20);
    t.string('outcome', 40);
    // A note or a question for the referrer, sealed (answers-at-rest); null when there is none.
    t.text('text');
    t.string('key_id', 50);
  });
  await db.schema.createTable('submission_search', (t) => {
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE');
    t.string('hash', 64).notNullable().index();
    t.primary(['submission_id', 'hash']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('submission_search');
  await db.schema.dropTableIfExists('submission_events');
  await db.schema.alterTable('submissions', (t) => {
    for (const column of ['status', 'assignee_id', 'outcome', 'status_changed_at', 'closed_at', 'search_key_id'])
      t.dropColumn(column);
  });
}
