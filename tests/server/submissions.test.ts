/**
 * Submitting, over HTTP on SQLite and PostgreSQL, with a real SMTP server and a real HTTP server
 * standing in for the council's case system: complete answers only, one submission however often
 * the page asks, the confirmation email and the signed delivery sent through the outbox even when
 * the mail server or the case system is down for a while, and each person seeing only their own.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { compactVerify } from 'jose';
import type { App } from '../../server/index.ts';
import { manualClock, DAY, MINUTE } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { startCaseSystem } from '../support/case-system.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadForms } from '../fixtures/forms.ts';

const WEBHOOK_SECRET = 'ab'.repeat(32);

/** A request exactly as given, Host included (fetch chooses its own), with the client's cookies. */
function sendRaw(baseUrl: string, as: Client, body: unknown, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseUrl);
  const cookie = [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise<{ status: number; body: { error?: { code: string } } }>((resolve, reject) => {
    const call = httpRequest(
      {
        hostname,
        port,
        method: 'POST',
        path: '/api/submissions',
        headers: { 'content-type': 'application/json', cookie, ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || '{}') }));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}
const fixture = loadForms().find((f) => f.definition.id === 'dols-form-1')!;
const complete = fixture.answers;
// The answers are written for the newest version of the form, the one new forms start on.
const FORM_VERSION = fixture.definition.version;

for (const database of await testDatabases()) {
  const test = suite(`Submitting on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock();
  let app: App;
  let baseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>;
  let emailCount = 0;

  async function registered(): Promise<{ as: Client; email: string }> {
    const email = `submitter${++emailCount}.${database.name.toLowerCase()}@example.org`;
    return { as: await registerOverApi(baseUrl, smtp, email), email };
  }

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    caseSystem = await startCaseSystem();
    closeAtEnd(caseSystem.close);
    const { databaseUrl } = await database.create();
    ({ app, baseUrl } = await startTestApp(
      {
        DATABASE_URL: databaseUrl ?? '',
        SMTP_URL: smtp.url,
        WEBHOOK_URL: caseSystem.url,
        WEBHOOK_SECRET,
        RATE_LIMIT_SCALE: '100',
      },
      { clock },
    ));
  });

  test.before.each(() => clock.advance(MINUTE));

  const submit = (as: Client, answers: Record<string, unknown> = complete, extra: Record<string, unknown> = {}) =>
    as.post('/api/submissions', {
      formId: 'dols-form-1',
      formVersion: FORM_VERSION,
      answers,
      idempotencyKey: randomUUID(),
      ...extra,
    });

  it("should deliver beside each answer's value the answers as the referrer read them: pages, labels, and an option's label", async () => {
    const { as } = await registered();
    const response = await submit(as);
    assert.is(response.status, 201, JSON.stringify(response.body));
    await app.sendOutbox();
    const jws = caseSystem.received.at(-1)!.split('\n')[1]!;
    // The signature covers the summary too: the case system checks it as before.
    const { payload } = await compactVerify(jws, Buffer.from(WEBHOOK_SECRET, 'hex'));
    const delivery = JSON.parse(new TextDecoder().decode(payload));
    assert.is(delivery.reference, response.body.submission.reference);
    // The machine values, unchanged for the integrations that read them.
    assert.is(delivery.answers.personSex, 'female');
    assert.is(delivery.answers.requestType, 'urgent-and-standard');
    const row = (pageTitle: string, label: string) =>
      delivery.summary
        .find((page: { title: string }) => page.title === pageTitle)
        ?.rows.find((each: { label: string }) => each.label === label);
    assert.equal(row('About the person', 'Sex')?.lines, ['Female']);
    assert.equal(row('What you are requesting', 'What is requested')?.lines, [
      'A standard authorisation, and an urgent authorisation has been granted',
    ]);
    assert.equal(row("The person's health and communication", 'Ethnic group')?.lines, [
      'White: any other White background',
    ]);
    // What /api/openapi.json says a delivery holds is what one holds.
    const described = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()).components.schemas.Delivery;
    assert.equal(Object.keys(delivery).sort(), Object.keys(described.properties).sort());
  });

  it('should take complete answers, give a reference, email it to the referrer and deliver the referral, signed, to the case system', async () => {
    const { as, email } = await registered();
    const deliveredBefore = caseSystem.received.length;
    const response = await submit(as);
    assert.is(response.status, 201, JSON.stringify(response.body));
    const { submission } = response.body;
    assert.match(submission.reference, /^ASC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    assert.is(submission.formTitle, 'DoLS Form 1: standard request and urgent authorisation');
    const mail = await smtp.nextTo(email);
    assert.match(mail.subject, new RegExp(`Your referral has been sent to Sefton Council: ${submission.reference}`));
    assert.match(mail.text, /received your form, ‘DoLS Form 1/);
    assert.not.match(mail.text, new RegExp(String(complete.personFullName)), 'no answer travels by email');

    await app.sendOutbox();
    assert.is(caseSystem.received.length, deliveredBefore + 1);
    const [type, jws] = caseSystem.received.at(-1)!.split('\n') as [string, string];
    assert.is(type, 'application/jose');
    const { payload, protectedHeader } = await compactVerify(jws, Buffer.from(WEBHOOK_SECRET, 'hex'));
    assert.is(protectedHeader.alg, 'HS256');
    const delivery = JSON.parse(new TextDecoder().decode(payload));
    assert.is(delivery.reference, submission.reference);
    assert.equal(delivery.referrer, { forename: 'Sam', surname: 'Carter', email });
    assert.is(delivery.answers.personFullName, complete.personFullName);
    assert.equal(
      await app.db('outbox').whereNull('sent_at').where({ submission_id: submission.id }),
      [],
      'both marked sent',
    );
  });

  it('should send the confirmation to the address the account was verified with, never to one typed on the form', async () => {
    const { as, email } = await registered();
    const typed = `not.verified.${randomUUID()}@example.org`;
    const response = await submit(as, { ...complete, referrerEmail: typed });
    assert.is(response.status, 201, JSON.stringify(response.body));
    const mail = await smtp.nextTo(email);
    assert.match(mail.subject, new RegExp(response.body.submission.reference));
    await app.sendOutbox();
    assert.is(smtp.countTo(typed), 0, 'nothing goes to an address nobody has verified');
  });

  it('should take answers the form filled in and the person then edited as any others, and check them as any others', async () => {
    const { as } = await registered();
    // "Are you the person dealing with this request?" Yes filled the contact from About you; the person then changed the phone and the name.
    const edited = {
      ...complete,
      contactIsReferrer: 'yes',
      contactName: 'Jo Ashcroft-Pell',
      contactPhone: '07700 900461',
      contactEmail: complete.referrerEmail,
      declarantName: complete.referrerName,
      declarationTime: '09:45',
    };
    const accepted = await submit(as, edited);
    assert.is(accepted.status, 201, JSON.stringify(accepted.body));
    const refused = await submit(as, { ...edited, contactEmail: 'jo at marshside' });
    assert.is(refused.status, 400);
    assert.equal(
      refused.body.error.fields.map((field: { field: string }) => field.field),
      ['contactEmail'],
    );
    const unasked = await submit(as, { ...edited, contactIsReferrer: 'maybe' });
    assert.is(unasked.status, 400);
  });

  it('should refuse answers that are not complete, saying what is missing, and send nothing', async () => {
    const { as, email } = await registered();
    const { personFullName, ...withoutName } = complete;
    void personFullName;
    const response = await submit(as, withoutName);
    assert.is(response.status, 400);
    assert.ok(
      response.body.error.fields.some(
        (f: { field: string; message: string }) => f.field === 'personFullName' && /Enter/.test(f.message),
      ),
      JSON.stringify(response.body.error.fields),
    );
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 1, 'only the registration code');
    assert.is((await as.get('/api/submissions')).body.submissions.length, 0);
  });

  it('should make one submission and send one email however many times the page sends it', async () => {
    const { as, email } = await registered();
    const idempotencyKey = randomUUID();
    const body = { formId: 'dols-form-1', formVersion: FORM_VERSION, answers: complete, idempotencyKey };
    const responses = await Promise.all(Array.from({ length: 5 }, () => as.post('/api/submissions', body)));
    assert.equal(
      responses.map((r) => r.status).filter((status) => status === 201).length,
      1,
      responses.map((r) => `${r.status} ${JSON.stringify(r.body)}`).join('\n'),
    );
    assert.ok(responses.every((r) => r.status === 201 || r.status === 200));
    assert.is(new Set(responses.map((r) => r.body.submission.reference)).size, 1, 'the same reference to each');
    await smtp.nextTo(email);
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 2, 'the registration code and one confirmation');
    assert.is((await as.get('/api/submissions')).body.submissions.length, 1);
  });

  it('should accept a submission while the mail server and the case system are down, and send both once they are back', async () => {
    const { as, email } = await registered();
    smtp.setDown(true);
    caseSystem.setDown(true);
    try {
      const response = await submit(as);
      assert.is(response.status, 201, 'the referral is safe whatever the mail server is doing');
      await app.sendOutbox();
      const pending = await app.db('outbox').whereNull('sent_at').where({ submission_id: response.body.submission.id });
      assert.is(pending.length, 2);
      assert.ok(
        pending.every((row: { attempts: number; last_error: string }) => row.attempts >= 1 && row.last_error),
        'tried, failed, kept',
      );
    } finally {
      smtp.setDown(false);
      caseSystem.setDown(false);
    }
    const deliveredBefore = caseSystem.received.length;
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 1, 'not before the retry is due');
    clock.advance(MINUTE);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email)).subject, /Your referral has been sent/);
    assert.is(smtp.countTo(email), 2, 'the email, exactly once');
    assert.is(caseSystem.received.length, deliveredBefore + 1, 'the delivery, exactly once');
    assert.equal(await app.db('outbox').whereNull('sent_at'), [], 'nothing left waiting');
  });

  it('should keep what waits in the outbox sealed, and blank it once sent', async () => {
    const { as } = await registered();
    smtp.setDown(true);
    try {
      const { submission } = (await submit(as)).body;
      const waiting = await app.db('outbox').where({ submission_id: submission.id });
      assert.is(waiting.length, 2);
      // A short name standing alone, not inside the sealed text's own letters: "Sam" turns up in
      // base64url by chance about once in 260,000 places.
      for (const row of waiting)
        assert.not.match(
          row.payload,
          new RegExp(`${String(complete.personFullName)}|(?<![\\w-])Sam(?![\\w-])|example\\.org`),
          row.kind,
        );
    } finally {
      smtp.setDown(false);
    }
    clock.advance(MINUTE);
    await app.sendOutbox();
    const sent = await app.db('outbox').whereNotNull('sent_at');
    assert.ok(sent.length > 0 && sent.every((row: { payload: string }) => row.payload === ''));
  });

  it('should refuse the same key with other answers, and give another person their own submission for the same key', async () => {
    const { as } = await registered();
    const { as: someoneElse } = await registered();
    const idempotencyKey = randomUUID();
    const first = await as.post('/api/submissions', {
      formId: 'dols-form-1',
      formVersion: FORM_VERSION,
      answers: complete,
      idempotencyKey,
    });
    const changed = await as.post('/api/submissions', {
      formId: 'dols-form-1',
      formVersion: FORM_VERSION,
      answers: { ...complete, personFullName: 'Someone else entirely' },
      idempotencyKey,
    });
    assert.is(changed.status, 409);
    assert.match(changed.body.error.message, /already sent, with other answers/);
    const theirs = await someoneElse.post('/api/submissions', {
      formId: 'dols-form-1',
      formVersion: FORM_VERSION,
      answers: complete,
      idempotencyKey,
    });
    assert.is(theirs.status, 201);
    assert.is.not(theirs.body.submission.reference, first.body.submission.reference);
  });

  it("should submit a saved copy once, whichever tab sends it, and never delete another person's saved copy", async () => {
    const { as } = await registered();
    const { as: someoneElse } = await registered();
    const draft = (
      await as.post('/api/drafts', {
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        pageId: 'the-person',
        answers: {},
      })
    ).body.draft;
    const theirDraft = (
      await someoneElse.post('/api/drafts', {
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        pageId: 'the-person',
        answers: {},
      })
    ).body.draft;
    const [tab1, tab2] = await Promise.all([
      submit(as, complete, { draftId: draft.id }),
      submit(as, complete, { draftId: draft.id }),
    ]);
    assert.equal([tab1.status, tab2.status].sort(), [200, 201]);
    assert.is(tab1.body.submission.reference, tab2.body.submission.reference);
    assert.is((await as.get('/api/submissions')).body.submissions.length, 1);
    assert.is((await submit(as, complete, { draftId: theirDraft.id })).status, 201);
    assert.is((await someoneElse.get(`/api/drafts/${theirDraft.id}`)).status, 200, 'their saved copy is still there');
  });

  it('should refuse, saying so, a second tab that sends the same saved form with other answers', async () => {
    const { as } = await registered();
    const draft = (
      await as.post('/api/drafts', {
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        pageId: 'the-person',
        answers: {},
      })
    ).body.draft;
    const first = await submit(as, complete, { draftId: draft.id });
    assert.is(first.status, 201, JSON.stringify(first.body));
    const other = await submit(as, { ...complete, personFullName: 'Someone else entirely' }, { draftId: draft.id });
    assert.is(other.status, 409, JSON.stringify(other.body));
    assert.match(other.body.error.message, /already sent from another tab/);
    assert.match(other.body.error.message, new RegExp(first.body.submission.reference));
    assert.match(other.body.error.message, /start a new form/);
    assert.is((await as.get('/api/submissions')).body.submissions.length, 1, 'nothing else was sent');
  });

  it('should delete the saved copy the answers came from', async () => {
    const { as } = await registered();
    const draft = (
      await as.post('/api/drafts', {
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        pageId: 'the-person',
        answers: {},
      })
    ).body.draft;
    assert.is((await submit(as, complete, { draftId: draft.id })).status, 201);
    assert.is((await as.get(`/api/drafts/${draft.id}`)).status, 404);
  });

  it("should not count a submission's replays against the referrer's hourly limit, only the submissions made", async () => {
    // The standard limit (30 an hour), on a database of its own.
    const { databaseUrl } = await database.create();
    const limited = await startTestApp(
      { DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url, WEBHOOK_URL: caseSystem.url, WEBHOOK_SECRET },
      { clock },
    );
    const as = await registerOverApi(limited.baseUrl, smtp, `replays.${database.name.toLowerCase()}@example.org`);
    const send = (idempotencyKey: string) =>
      as.post('/api/submissions', {
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        answers: complete,
        idempotencyKey,
      });
    // A page retrying one submission many times at once (a flaky connection, a double click).
    const key = randomUUID();
    const replays = await Promise.all(Array.from({ length: 60 }, () => send(key)));
    assert.ok(
      replays.every((r) => r.status === 200 || r.status === 201),
      replays.map((r) => `${r.status} ${r.body.error?.message ?? ''}`).join('\n'),
    );
    // One made so far: 29 more go through, and the 31st of the hour is refused.
    for (let n = 0; n < 29; n++) {
      const made = await send(randomUUID());
      assert.is(made.status, 201, `submission ${n + 2}: ${JSON.stringify(made.body)}`);
    }
    const over = await send(randomUUID());
    assert.is(over.status, 429);
    assert.match(over.body.error.message, /a great many forms in the last hour/);
  });

  it("should refuse a submission from another site's page with the referrer's cookie, whatever Host it names, and take one from the portal's own", async () => {
    const { as } = await registered();
    const body = () => ({
      formId: 'dols-form-1',
      formVersion: FORM_VERSION,
      answers: complete,
      idempotencyKey: randomUUID(),
    });
    const forged = await sendRaw(baseUrl, as, body(), { origin: 'https://evil.example', host: 'evil.example' });
    assert.is(forged.status, 403, JSON.stringify(forged.body));
    assert.is(forged.body.error?.code, 'cross-site');
    const foreign = await sendRaw(baseUrl, as, body(), { origin: 'https://evil.example' });
    assert.is(foreign.status, 403);
    assert.equal((await as.get('/api/submissions')).body.submissions, [], 'nothing was sent');
    const port = new URL(baseUrl).port;
    assert.is((await sendRaw(baseUrl, as, body(), { origin: baseUrl })).status, 201);
    assert.is((await sendRaw(baseUrl, as, body(), { origin: `http://localhost:${port}` })).status, 201);
  });

  if (database.name === 'SQLite') {
    it('should take writes only from the configured public address, and still share the forms with the embedding sites', async () => {
      const portal = await startTestApp(
        {
          SMTP_URL: smtp.url,
          PUBLIC_URL: 'https://forms.example.gov.uk/',
          EMBED_ORIGINS: 'https://www.example.gov.uk',
        },
        { clock },
      );
      const as = await registerOverApi(portal.baseUrl, smtp, `public.${randomUUID().slice(0, 8)}@example.org`);
      const body = () => ({
        formId: 'dols-form-1',
        formVersion: FORM_VERSION,
        answers: complete,
        idempotencyKey: randomUUID(),
      });
      const ours = await sendRaw(portal.baseUrl, as, body(), {
        origin: 'https://forms.example.gov.uk',
        host: 'forms.example.gov.uk',
      });
      assert.is(ours.status, 201, JSON.stringify(ours.body));
      assert.is(
        (await sendRaw(portal.baseUrl, as, body(), { origin: portal.baseUrl })).status,
        403,
        'not the public address',
      );
      const forged = await sendRaw(portal.baseUrl, as, body(), {
        origin: 'https://evil.example',
        host: 'evil.example',
      });
      assert.is(forged.status, 403);
      const embedded = await fetch(`${portal.baseUrl}/api/forms/dols-form-1`, {
        headers: { origin: 'https://www.example.gov.uk' },
      });
      assert.is(embedded.status, 200);
      assert.is(embedded.headers.get('access-control-allow-origin'), 'https://www.example.gov.uk');
      const { readConfig } = await import('../../server/config.ts');
      assert.throws(
        () => readConfig({ PUBLIC_URL: 'forms.example.gov.uk' }),
        /PUBLIC_URL: "forms.example.gov.uk" is not an address starting https:\/\/ or http:\/\//,
      );
    });
  }

  it("should list only the person's own submissions of the last 30 days, and keep the answers encrypted", async () => {
    const { as } = await registered();
    const { as: someoneElse } = await registered();
    const older = (await submit(as)).body.submission;
    const recent = (await submit(as)).body.submission;
    await app
      .db('submissions')
      .where({ id: older.id })
      .update({ submitted_at: clock.now() - 31 * DAY });
    const listed = (await as.get('/api/submissions')).body.submissions.map((s: { reference: string }) => s.reference);
    assert.equal(listed, [recent.reference], 'the one from 31 days ago is no longer listed');
    assert.equal((await someoneElse.get('/api/submissions')).body.submissions, []);
    const row = await app.db('submission_answers').where({ submission_id: recent.id }).first();
    assert.not.match(row.answers, new RegExp(String(complete.personFullName)));
    assert.is((await client(baseUrl).get('/api/submissions')).status, 401);
  });

  if (database.name === 'SQLite') {
    it('should write each delivery to a file when no case system is set, as on a laptop trying the portal', async () => {
      const laptop = await startTestApp({ SMTP_URL: smtp.url }, { clock });
      const email = `laptop.${randomUUID().slice(0, 8)}@example.org`;
      const as = await registerOverApi(laptop.baseUrl, smtp, email, { forename: 'Lee', surname: 'Jones' });
      const { submission } = (await submit(as)).body;
      await laptop.app.sendOutbox();
      const delivery = JSON.parse(
        await readFile(join(laptop.dataDir, 'deliveries', `${submission.reference}.json`), 'utf8'),
      );
      assert.is(delivery.answers.personFullName, complete.personFullName);
      assert.equal(delivery.referrer, { forename: 'Lee', surname: 'Jones', email });
    });
  }

  test.run();
}
