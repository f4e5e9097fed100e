/**
 * A server process killed at any moment (SIGKILL, no chance to tidy up) loses no acknowledged
 * submission and leaves no half-written one: on SQLite (WAL, synchronous=FULL) and PostgreSQL,
 * every submission the server answered 201 for is there after a restart, each with its outbox
 * messages; the restarted server sends what was waiting, and nothing is sent twice. (A message
 * the dead process was sending at that instant waits for its claim to lapse, 15 minutes.)
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import knex from 'knex';
import { testDatabases } from '../support/databases.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { startPortal } from '../support/portal-process.ts';
import { registerOverApi } from '../support/http-client.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';
import { RELAY_BATCH } from '../../server/services/outbox-relay.ts';

// Social care referral answers hold only past dates, so the server's real clock takes them on any day.
const complete = loadForms().find((f) => f.definition.id === 'social-care-referral')!.answers;

for (const database of await testDatabases()) {
  const test = suite(`A server killed mid-flow, on ${database.name}`);
  const it = database.skip ? test.skip : test;

  it('should keep every submission it acknowledged, whole, and send their emails once it is back', async () => {
    const smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-crash-'));
    closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
    const { databaseUrl, db: testDb } = await database.create();
    const env = {
      BUILD_DIR: await sharedBuild(),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      SMTP_URL: smtp.url,
      PASSWORD_HASH_COST: '12',
      RATE_LIMIT_SCALE: '100',
    };
    if (database.name === 'SQLite') await testDb.destroy();

    const first = await startPortal(env);
    const email = `crash.${database.name.toLowerCase()}@example.org`;
    const as = await registerOverApi(first.baseUrl, smtp, email);

    const acknowledged: string[] = [];
    const sending = Array.from({ length: 12 }, () =>
      as
        .post('/api/submissions', {
          formId: 'social-care-referral',
          formVersion: newestVersion('social-care-referral'),
          answers: complete,
          idempotencyKey: randomUUID(),
        })
        .then(
          (response) => {
            if (response.status === 201) acknowledged.push(response.body.submission.reference);
          },
          () => {
            /* cut off by the kill */
          },
        ),
    );
    while (acknowledged.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await Promise.all(sending);
    if (first.child.exitCode === null && first.child.signalCode === null)
      await new Promise((resolve) => first.child.once('exit', resolve));

    const db =
      database.name === 'SQLite'
        ? knex({
            client: 'sqlite3',
            connection: { filename: join(dataDir, 'asc-forms.sqlite') },
            useNullAsDefault: true,
          })
        : knex({ client: 'pg', connection: databaseUrl });
    let second: Awaited<ReturnType<typeof startPortal>> | undefined;
    try {
      // The emails the dead process had claimed: it was sending them as it died.
      const inFlight = (
        await db('outbox').where({ kind: 'email' }).whereNull('sent_at').whereNotNull('claimed_by').select('id')
      ).map((row: { id: string }) => row.id);
      second = await startPortal(env);
      const kept = await db('submissions').select('id', 'reference');
      for (const reference of acknowledged)
        assert.ok(
          kept.some((row: { reference: string }) => row.reference === reference),
          `${reference} was acknowledged, so it must be kept`,
        );
      for (const { id } of kept) {
        const messages = await db('outbox').where({ submission_id: id });
        assert.is(messages.length, 2, 'each kept submission is whole: its email and its delivery');
      }
      // The restarted relay sends everything else the dead process left.
      const waiting = () => db('outbox').where({ kind: 'email' }).whereNull('sent_at').whereNotIn('id', inFlight);
      const deadline = Date.now() + 20_000;
      while ((await waiting()).length > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await waiting(), [], 'every email that was waiting has gone');
      const sent = (await db('outbox').where({ kind: 'email' }).whereNotNull('sent_at')).length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const received = smtp.countTo(email) - 1;
      assert.is(sent + inFlight.length, kept.length, 'every confirmation sent, or being sent when the process died');
      assert.ok(inFlight.length <= RELAY_BATCH, `${inFlight.length} in flight: no more than one batch of the relay`);
      // Marked sent means it went; one being sent as the process died may have gone too (it will be
      // sent again when its claim lapses: at least once, never lost).
      assert.ok(
        received >= sent && received <= sent + inFlight.length,
        `${received} confirmations received, ${sent} marked sent, ${inFlight.length} in flight`,
      );
    } finally {
      await db.destroy();
      second?.child.kill('SIGKILL');
    }
  });

  test.run();
}
