/**
 * Forms saved for later. The answers are sealed (JWE, see services/answers-at-rest.ts); the key's
 * id is kept beside them so a rotation can find what is still sealed with an old key. `version`
 * counts saves: a save names the version it started from, so one from a stale tab changes nothing.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('drafts', (t) => {
    t.string('id', 36).primary();
    t.string('user_id', 36).notNullable().references('users.id').onDelete('CASCADE').index();
    t.string('form_id', 100).notNullable();
    t.integer('form_version').notNullable();
    t.string('page_id', 100).notNullable();
    t.text('answers').notNullable();
    t.string('key_id', 50).notNullable();
    t.integer('version').notNullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('saved_at').notNullable().index();
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTableIfExists('drafts');
}
