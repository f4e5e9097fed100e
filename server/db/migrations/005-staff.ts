/**
 * Council staff, apart from referrers: their own table, sessions and recovery codes, so no request
 * to the referrers' API can make a referrer staff. Council IT adds staff from the command line
 * (npm run staff); each sets a password with a one-time set-up code, then enrols an authenticator
 * app (a time-based code, RFC 6238) as their second factor.
 */
import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('staff', (t) => {
    t.string('id', 36).primary();
    t.string('email', 254).notNullable().unique();
    t.string('forename', 100).notNullable();
    t.string('surname', 100).notNullable();
    t.boolean('is_admin').notNullable().defaultTo(false);
    // Null until the person has set one with their set-up code.
    t.string('password_hash', 200);
    // The HMAC of the one-time set-up code council IT gave them, and when it stops working.
    t.string('setup_code_hash', 64);
    t.bigInteger('setup_expires_at');
    // The authenticator's secret, sealed like the answers; enrolled once a code from it was right.
    t.text('totp_secret');
    t.bigInteger('totp_enrolled_at');
    // The time step of the last code taken: a code cannot be used twice.
    t.bigInteger('totp_last_step');
    t.bigInteger('disabled_at');
    t.bigInteger('created_at').notNullable();
  });
  await db.schema.createTable('staff_recovery_codes', (t) => {
    t.string('staff_id', 36).notNullable().references('staff.id').onDelete('CASCADE');
    t.string('code_hash', 64).notNullable();
    t.bigInteger('used_at');
    t.primary(['staff_id', 'code_hash']);
  });
  await db.schema.createTable('staff_sessions', (t) => {
    t.string('id_hash', 64).primary();
    t.string('staff_id', 36).notNullable().references('staff.id').onDelete('CASCADE').index();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_seen_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.bigInteger('revoked_at');
  });
}

export async function down(db: Knex): Promise<void> {
  for (const table of ['staff_sessions', 'staff_recovery_codes', 'staff']) await db.schema.dropTableIfExists(table);
}
