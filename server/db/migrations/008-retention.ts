/**
 * Retention of closed submissions: RETENTION_DAYS after a submission is closed, housekeeping
 * deletes its answers (the column stays NOT NULL and holds an empty string, which both databases
 * take without rebuilding the table), the texts of its history and its search keys, and writes
 * when here. What it was (reference, form, dates, status, outcome) stays.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    t.bigInteger('answers_deleted_at');
    // Housekeeping looks for closed submissions still holding their answers, by when they were closed.
    t.index(['status', 'closed_at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    t.dropIndex(['status', 'closed_at']);
    t.dropColumn('answers_deleted_at');
  });
}
