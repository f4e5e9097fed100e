/**
 * What is read by time reads by index, on SQLite as the portal runs it: an account's sent forms
 * newest first, and what housekeeping forgets once it is old. Without the indexes each of these
 * reads every row of its table, which grows with every form and every sign-in (the benchmark
 * measures how much; this says which plan the database chose).
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Knex } from 'knex';
import { testDatabases } from '../support/databases.ts';

const sqlite = (await testDatabases()).find((database) => database.name === 'SQLite')!;
const it = suite('Reads by time on SQLite');
let db: Knex;

it.before(async () => {
  ({ db } = await sqlite.create());
});

/** SQLite's plan for a query, one step a line ("SEARCH sessions USING INDEX …", "SCAN sessions"). */
async function plan(query: Knex.QueryBuilder): Promise<string> {
  const { sql, bindings } = query.toSQL().toNative();
  const rows = (await db.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as Array<{ detail: string }>;
  return rows.map((row) => row.detail).join('\n');
}

it("should list an account's sent forms newest first from an index, without sorting them all", async () => {
  const steps = await plan(
    db('submissions')
      .select('id')
      .where({ user_id: 'u1' })
      .andWhere('submitted_at', '>=', 0)
      .orderBy('submitted_at', 'desc'),
  );
  assert.match(steps, /SEARCH submissions USING (COVERING )?INDEX \S+ \(user_id=\? AND submitted_at>\?\)/);
  assert.not.match(steps, /TEMP B-TREE/, steps);
});

for (const [table, query] of [
  ['email_codes', (d: Knex) => d('email_codes').where('expires_at', '<', 1).delete()],
  ['registrations', (d: Knex) => d('registrations').where('created_at', '<', 1).delete()],
  ['rate_limits', (d: Knex) => d('rate_limits').where('window_start', '<', 1).delete()],
  ['sessions', (d: Knex) => d('sessions').where('expires_at', '<', 1).orWhere('revoked_at', '<', 1).delete()],
  [
    'staff_sessions',
    (d: Knex) => d('staff_sessions').where('expires_at', '<', 1).orWhere('revoked_at', '<', 1).delete(),
  ],
] as const)
  it(`should find what housekeeping forgets in ${table} by index, not by reading every row`, async () => {
    const steps = await plan(query(db));
    assert.not.match(steps, new RegExp(`SCAN ${table}\\b`), steps);
    assert.match(steps, new RegExp(`SEARCH ${table} USING (COVERING )?INDEX`), steps);
  });

it.run();
