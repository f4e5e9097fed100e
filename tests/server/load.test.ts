/**
 * Many referrers at once on loopback, on SQLite and PostgreSQL: each saves a form several times
 * and submits it, all at the same time. No request gets a 5xx, and no write is lost: every save
 * and every submission acknowledged is in the database.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';

const REFERRERS = 24;
const SAVES_EACH = 4;
// Social care referral answers hold only past dates, so the server's real clock takes them on any day.
const complete = loadForms().find((f) => f.definition.id === 'social-care-referral')!.answers;

for (const database of await testDatabases()) {
  const test = suite(`Many referrers at once, on ${database.name}`);
  const it = database.skip ? test.skip : test;
  let app: App;
  let baseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    ({ app, baseUrl } = await startTestApp({
      DATABASE_URL: databaseUrl ?? '',
      SMTP_URL: smtp.url,
      PASSWORD_HASH_COST: '10',
      RATE_LIMIT_SCALE: '100',
    }));
  });

  it(`should serve ${REFERRERS} referrers saving and submitting at once with no 5xx and no lost write`, async () => {
    const referrers: Client[] = [];
    for (let n = 0; n < REFERRERS; n++) {
      referrers.push(await registerOverApi(baseUrl, smtp, `load${n}.${database.name.toLowerCase()}@example.org`));
    }
    const statuses: number[] = [];
    const acknowledged: string[] = [];
    await Promise.all(
      referrers.map(async (as, n) => {
        const created = await as.post('/api/drafts', {
          formId: 'dols-form-1',
          formVersion: newestVersion('dols-form-1'),
          pageId: 'the-person',
          answers: { personFullName: `Person ${n}` },
        });
        statuses.push(created.status);
        let version = created.body.draft.version;
        for (let save = 1; save < SAVES_EACH; save++) {
          const saved = await as.put(`/api/drafts/${created.body.draft.id}`, {
            version,
            pageId: 'the-person',
            answers: { personFullName: `Person ${n}, save ${save}` },
          });
          statuses.push(saved.status);
          version = saved.body.draft.version;
        }
        const submitted = await as.post('/api/submissions', {
          formId: 'social-care-referral',
          formVersion: newestVersion('social-care-referral'),
          answers: complete,
          idempotencyKey: randomUUID(),
        });
        statuses.push(submitted.status);
        if (submitted.status === 201) acknowledged.push(submitted.body.submission.reference);
      }),
    );
    assert.equal(
      statuses.filter((status) => status >= 500),
      [],
      'no 5xx',
    );
    assert.equal([...new Set(statuses)].sort(), [200, 201], 'every save and submission accepted');
    const kept = (await app.db('submissions').select('reference')).map((row: { reference: string }) => row.reference);
    assert.equal(kept.sort(), acknowledged.sort(), 'every acknowledged submission kept');
    // Each draft is deleted only if submitted with it; these were not, so each is at its last save.
    const versions = (await app.db('drafts').select('version')).map((row: { version: number }) => Number(row.version));
    assert.equal(
      versions,
      Array.from({ length: REFERRERS }, () => SAVES_EACH),
      'every save landed',
    );
  });

  test.run();
}
