/**
 * At most one live code per purpose and subject, kept by the database itself: two requests for a
 * new code at the same moment cannot leave two codes working.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(
    'CREATE UNIQUE INDEX email_codes_one_live ON email_codes (purpose, subject_id) WHERE consumed_at IS NULL',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX email_codes_one_live');
}
