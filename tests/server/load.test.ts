/**
 * Many referrers at once on loopback, on SQLite and PostgreSQL: each saves a form several times
 * and submits it, all at the same time. No request gets a 5xx, and no write is lost: every save
 * and every submission acknowledged is in the database.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createApp, readConfig, type App } from '../../server/index.ts';
import { testDatabases } from '../support/databases.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { startSmtpServer, codeIn } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, type Client } from '../support/http-client.ts';
import { loadForms } from '../fixtures/forms.ts';

const REFERRERS = 24;
const SAVES_EACH = 4;
const PASSWORD = 'Correct-Horse-Battery-9';
// Social care referral answers hold only past dates, so the server's real clock takes them on any day.
const complete = loadForms().find((f) => f.definition.id === 'social-care-referral')!.answers;

for (const database of await testDatabases()) {
  const test = suite(`Many referrers at once, on ${database.name}`);
  const it = database.skip ? test.skip : test;
  let app: App;
  let server: Server;
  let baseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-load-'));
    closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
    app = await createApp(readConfig({ BUILD_DIR: await sharedBuild(), DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url, PORT: '0', PASSWORD_HASH_COST: '10', RATE_LIMIT_SCALE: '100' }), { log: () => {} });
    server = app.koa.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closeAtEnd(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); await app.close(); });
  });

  it(`should serve ${REFERRERS} referrers saving and submitting at once with no 5xx and no lost write`, async () => {
    const referrers: Client[] = [];
    for (let n = 0; n < REFERRERS; n++) {
      const as = client(baseUrl);
      const email = `load${n}.${database.name.toLowerCase()}@example.org`;
      await as.post('/api/account/registrations', { forename: 'Sam', surname: 'Carter', email, password: PASSWORD, confirmPassword: PASSWORD });
      assert.is((await as.post('/api/account/registrations/verify', { code: codeIn(await smtp.nextTo(email)) })).status, 201);
      referrers.push(as);
    }
    const statuses: number[] = [];
    const acknowledged: string[] = [];
    await Promise.all(referrers.map(async (as, n) => {
      const created = await as.post('/api/drafts', { formId: 'dols-form-1', formVersion: 1, pageId: 'the-person', answers: { personFullName: `Person ${n}` } });
      statuses.push(created.status);
      let version = created.body.draft.version;
      for (let save = 1; save < SAVES_EACH; save++) {
        const saved = await as.put(`/api/drafts/${created.body.draft.id}`, { version, pageId: 'the-person', answers: { personFullName: `Person ${n}, save ${save}` } });
        statuses.push(saved.status);
        version = saved.body.draft.version;
      }
      const submitted = await as.post('/api/submissions', { formId: 'social-care-referral', formVersion: 1, answers: complete, idempotencyKey: randomUUID() });
      statuses.push(submitted.status);
      if (submitted.status === 201) acknowledged.push(submitted.body.submission.reference);
    }));
    assert.equal(statuses.filter((status) => status >= 500), [], 'no 5xx');
    assert.equal([...new Set(statuses)].sort(), [200, 201], 'every save and submission accepted');
    const kept = (await app.db('submissions').select('reference')).map((row: { reference: string }) => row.reference);
    assert.equal(kept.sort(), acknowledged.sort(), 'every acknowledged submission kept');
    // Each draft is deleted only if submitted with it; these were not, so each is at its last save.
    const versions = (await app.db('drafts').select('version')).map((row: { version: number }) => Number(row.version));
    assert.equal(versions, Array.from({ length: REFERRERS }, () => SAVES_EACH), 'every save landed');
  });

  test.run();
}
