/**
 * A submission's sealed answers in a table of their own. They are most of a submission's size
 * (several kilobytes each), and kept in its row they made every inbox filter, count and sort
 * read them: with 100,000 stored, SQLite read a gigabyte for a count. The inbox now reads
 * narrow rows, and opens the answers of the page it shows. Retention deletes a submission's row
 * here, so nothing of its answers is left.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('submission_answers', (t) => {
    t.string('submission_id', 36).primary().references('submissions.id').onDelete('CASCADE');
    // Sealed (answers-at-rest), for the record `submission:<id>`.
    t.text('answers').notNullable();
  });
  await db.raw(
    `insert into submission_answers (submission_id, answers) select id, answers from submissions where answers_deleted_at is null`,
  );
  // Both databases drop a plain column in place (SQLite since 3.35), without rebuilding the table
  // and the foreign keys that point at it.
  await db.raw('alter table submissions drop column answers');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    t.text('answers').notNullable().defaultTo('');
  });
  await db.raw(
    `update submissions set answers = (select a.answers from submission_answers a where a.submission_id = submissions.id) where id in (select submission_id from submission_answers)`,
  );
  await db.schema.dropTable('submission_answers');
}
