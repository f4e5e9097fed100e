/**
 * Each submission's urgency and deadlines as the triage rules made them when it arrived (see the
 * engine's triageFactsOf), stored so the inbox filters urgent and overdue referrals and sorts by
 * deadline without opening any answers: whether the urgency condition holds, until when the
 * urgency lasts, the latest deadline (past it, the referral is overdue) and every deadline.
 * `deadlines_key` names the rules they were worked out by: after portal.json's rules change, open
 * submissions are worked out again at start.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('submissions', (t) => {
    // 1 when the rules' urgency condition holds, 0 when not; null until worked out.
    t.integer('urgent_when');
    // When the urgency ends (the latest of the deadlines that end it); null: it does not end by itself.
    t.bigInteger('urgent_ends_at');
    t.bigInteger('last_deadline_at');
    t.string('deadlines_key', 16);
    t.index(['status', 'submitted_at']);
  });
  await db.schema.createTable('submission_deadlines', (t) => {
    t.string('submission_id', 36).notNullable().references('submissions.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.text('label').notNullable();
    t.bigInteger('at').notNullable();
    t.string('kind', 10).notNullable();
    t.integer('ends_urgency').notNullable();
    t.primary(['submission_id', 'position']);
    t.index(['submission_id', 'at']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('submission_deadlines');
  await db.schema.alterTable('submissions', (t) => {
    t.dropIndex(['status', 'submitted_at']);
    for (const column of ['urgent_when', 'urgent_ends_at', 'last_deadline_at', 'deadlines_key']) t.dropColumn(column);
  });
}
