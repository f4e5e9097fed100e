/**
 * Telling forms apart and opening them again, over HTTP on SQLite and PostgreSQL: the saved and
 * submitted lists say whom each form is about (from its own sealed answers, never kept in clear)
 * and which version a saved one was started on; a submission opens again read-only for its
 * referrer only, for 30 days; and the confirmation email names the person as far as portal.json
 * allows, through a real SMTP server.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { manualClock, DAY, MINUTE } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, signInOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadDefinition, loadForms } from '../fixtures/forms.ts';

const complete = loadForms().find((f) => f.definition.id === 'dols-form-1')!.answers;
/** The same answers as version 1 asked for them: without the questions version 2 added. */
const asksOnV1 = new Set(
  loadDefinition('dols-form-1', 1).pages.flatMap((page) => (page.questions ?? []).map((q) => q.id)),
);
const completeOnV1 = Object.fromEntries(Object.entries(complete).filter(([id]) => asksOnV1.has(id)));
const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** The council's forms with portal.json's confirmationEmail set as given, or left out. */
async function formsWithEmailSetting(namesThePerson: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-forms-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  await cp(formsDir, dir, { recursive: true });
  const portal = JSON.parse(await readFile(join(dir, 'portal.json'), 'utf8'));
  const { confirmationEmail: _, ...withoutSetting } = portal;
  await writeFile(
    join(dir, 'portal.json'),
    JSON.stringify(namesThePerson ? { ...portal, confirmationEmail: { namesThePerson } } : withoutSetting),
  );
  return dir;
}

/**
 * The council's forms as they were between publishing DoLS Form 1 v2 and retiring v1: both versions
 * in play, so forms can still be saved and sent on v1.
 */
async function formsWithBothVersionsOpen(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-forms-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  await cp(formsDir, dir, { recursive: true });
  const v1 = join(dir, 'dols-form-1', 'v1.json');
  await writeFile(v1, JSON.stringify({ ...JSON.parse(await readFile(v1, 'utf8')), status: 'published' }));
  return dir;
}

for (const database of await testDatabases()) {
  const test = suite(`Whom forms are about, and submissions opened again, on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock();
  let app: App;
  let baseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let emailCount = 0;

  async function registered(url = baseUrl): Promise<{ as: Client; email: string }> {
    const email = `about${++emailCount}.${database.name.toLowerCase()}@example.org`;
    return { as: await registerOverApi(url, smtp, email), email };
  }

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    ({ app, baseUrl } = await startTestApp(
      {
        DATABASE_URL: databaseUrl ?? '',
        SMTP_URL: smtp.url,
        RATE_LIMIT_SCALE: '100',
        FORMS_DIR: await formsWithBothVersionsOpen(),
      },
      { clock },
    ));
  });

  test.before.each(() => clock.advance(MINUTE));

  const submit = (as: Client, personFullName: string, formVersion = 2) =>
    as.post('/api/submissions', {
      formId: 'dols-form-1',
      formVersion,
      answers: { ...(formVersion === 1 ? completeOnV1 : complete), personFullName },
      idempotencyKey: randomUUID(),
    });
  const save = (as: Client, answers: Record<string, unknown>, formVersion = 2) =>
    as.post('/api/drafts', { formId: 'dols-form-1', formVersion, pageId: 'the-person', answers });

  it('should list each saved form with whom it is about and the version it was started on, keeping the name sealed', async () => {
    const { as } = await registered();
    const edith = await save(as, { personFullName: 'Edith  Marsh ' });
    assert.is(edith.status, 201, JSON.stringify(edith.body));
    assert.is(edith.body.draft.about, 'Edith Marsh', 'the save says so too');
    clock.advance(MINUTE);
    await save(as, { personFullName: 'Albert Ormskirk' });
    clock.advance(MINUTE);
    await save(as, {});
    clock.advance(MINUTE);
    const onV1 = await save(as, { personFullName: 'Nora Birkdale' }, 1);
    assert.is(onV1.status, 201, JSON.stringify(onV1.body));
    const listed = (await as.get('/api/drafts')).body.drafts as Array<Record<string, unknown>>;
    assert.equal(
      listed.map(({ about, formVersion, latestVersion }) => ({ about, formVersion, latestVersion })),
      [
        { about: 'Nora Birkdale', formVersion: 1, latestVersion: 2 },
        { about: undefined, formVersion: 2, latestVersion: 2 },
        { about: 'Albert Ormskirk', formVersion: 2, latestVersion: 2 },
        { about: 'Edith Marsh', formVersion: 2, latestVersion: 2 },
      ],
    );
    const opened = await as.get(`/api/drafts/${edith.body.draft.id}`);
    assert.is(opened.body.draft.about, 'Edith Marsh');
    for (const row of await app.db('drafts').select('answers'))
      assert.not.match(JSON.stringify(row), /Edith|Ormskirk|Birkdale/, 'no name in clear in the database');
  });

  it('should list each submission with whom it is about', async () => {
    const { as } = await registered();
    assert.is((await submit(as, 'Edith Marsh')).body.submission.about, 'Edith Marsh');
    clock.advance(MINUTE);
    await submit(as, 'Albert Ormskirk', 1);
    const listed = (await as.get('/api/submissions')).body.submissions;
    assert.equal(
      listed.map((s: { about: string; formVersion: number }) => [s.about, s.formVersion]),
      [
        ['Albert Ormskirk', 1],
        ['Edith Marsh', 2],
      ],
    );
    for (const row of await app.db('submission_answers').select('answers'))
      assert.not.match(row.answers, /Edith|Ormskirk/, 'no name in clear in the database');
  });

  it('should open a submission again for its referrer, read-only, as check your answers showed it', async () => {
    const { as } = await registered();
    const sent = (await submit(as, 'Edith Marsh')).body.submission;
    const opened = await as.get(`/api/submissions/${sent.id}`);
    assert.is(opened.status, 200, JSON.stringify(opened.body));
    assert.equal(opened.headers.get('cache-control'), 'no-store');
    const { submission } = opened.body;
    assert.is(submission.reference, sent.reference);
    assert.is(submission.submittedAt, sent.submittedAt);
    assert.is(submission.formTitle, 'DoLS Form 1: standard request and urgent authorisation');
    assert.is(submission.about, 'Edith Marsh');
    const person = submission.summary.find((page: { pageId: string }) => page.pageId === 'the-person');
    assert.ok(person, JSON.stringify(submission.summary.map((p: { pageId: string }) => p.pageId)));
    assert.equal(person.rows.find((row: { questionId: string }) => row.questionId === 'personFullName').lines, [
      'Edith Marsh',
    ]);
    assert.ok(submission.summary.length > 5, 'every page the referrer answered');
  });

  it('should answer another person, an unknown id and a malformed one alike: 404, and nobody signed in 401', async () => {
    const { as } = await registered();
    const { as: stranger } = await registered();
    const sent = (await submit(as, 'Edith Marsh')).body.submission;
    const theirs = await stranger.get(`/api/submissions/${sent.id}`);
    const missing = await as.get(`/api/submissions/${randomUUID()}`);
    const malformed = await as.get('/api/submissions/not-an-id');
    assert.is(theirs.status, 404);
    assert.equal(theirs.body, missing.body);
    assert.equal(malformed.body, missing.body);
    assert.not.match(JSON.stringify(theirs.body), /Edith|ASC-/);
    assert.is((await client(baseUrl).get(`/api/submissions/${sent.id}`)).status, 401);
  });

  it('should no longer list or open a submission once 30 days have passed', async () => {
    const { as, email } = await registered();
    const sent = (await submit(as, 'Edith Marsh')).body.submission;
    assert.match((await smtp.nextTo(email)).subject, /Your referral has been sent/);
    clock.advance(30 * DAY - 5 * MINUTE);
    // The session has long ended: the referrer signs in again, as they would.
    const later = await signInOverApi(baseUrl, smtp, email);
    assert.is((await later.get(`/api/submissions/${sent.id}`)).status, 200, 'still there on its 30th day');
    clock.advance(6 * MINUTE);
    const gone = await later.get(`/api/submissions/${sent.id}`);
    assert.is(gone.status, 404);
    assert.match(gone.body.error.message, /last 30 days/);
    assert.equal((await later.get('/api/submissions')).body.submissions, []);
  });

  if (database.name === 'SQLite') {
    for (const [setting, expected, absent] of [
      [undefined, /‘DoLS Form 1[^’]*’, about the person with the initials EM, sent on/, /Edith|Marsh/],
      ['initials', /‘DoLS Form 1[^’]*’, about the person with the initials EM, sent on/, /Edith|Marsh/],
      ['fullName', /‘DoLS Form 1[^’]*’, about Edith Marsh, sent on/, /initials/],
      ['none', /‘DoLS Form 1[^’]*’, sent on/, /Edith|Marsh|\bEM\b|about the person/],
    ] as const) {
      it(`should name the person in the confirmation email as portal.json says (${setting ?? 'not set: initials'})`, async () => {
        const portal = await startTestApp(
          { SMTP_URL: smtp.url, FORMS_DIR: await formsWithEmailSetting(setting) },
          { clock: manualClock() },
        );
        const { as, email } = await registered(portal.baseUrl);
        const response = await submit(as, 'Edith Marsh');
        assert.is(response.status, 201, JSON.stringify(response.body));
        await portal.app.sendOutbox();
        const mail = await smtp.nextTo(email);
        assert.match(mail.subject, /Your referral has been sent/);
        assert.match(mail.text, expected);
        assert.not.match(mail.text, absent);
        assert.not.match(mail.html, absent);
      });
    }
  }

  test.run();
}
