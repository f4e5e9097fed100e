/**
 * Emails and deliveries do not wait on each other, on SQLite and PostgreSQL, with a real SMTP
 * server behind an address that can fall silent and a real HTTP server as the case system: a mail
 * server that takes the connection and never answers holds back no delivery, a silent mail server
 * fails the send and the log says so (and nothing personal), and the email goes once it answers
 * again, exactly once.
 */
import { capturedLog, silentLog } from '../support/captured-log.ts';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp, readConfig, type App } from '../../server/index.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { manualClock, MINUTE } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSilenceableMailServer, startSmtpServer } from '../support/smtp.ts';
import { startCaseSystem } from '../support/case-system.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';

// Social care referral answers hold only past dates, so the server's real clock takes them on any day.
const complete = loadForms().find((f) => f.definition.id === 'social-care-referral')!.answers;

const submit = async (as: Client): Promise<{ id: string; reference: string }> => {
  const response = await as.post('/api/submissions', {
    formId: 'social-care-referral',
    formVersion: newestVersion('social-care-referral'),
    answers: complete,
    idempotencyKey: randomUUID(),
  });
  assert.is(response.status, 201, JSON.stringify(response.body));
  return response.body.submission;
};

for (const database of await testDatabases()) {
  const test = suite(`Mail and deliveries on their own, on ${database.name}`);
  const it = database.skip ? test.skip : test;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;

  /** A portal whose mail goes through an address that can fall silent; `query` adds to SMTP_URL's. */
  async function portal(query = '') {
    const mail = await startSilenceableMailServer(smtp);
    closeAtEnd(mail.close);
    const caseSystem = await startCaseSystem();
    closeAtEnd(caseSystem.close);
    const clock = manualClock();
    const logged = capturedLog();
    const { databaseUrl } = await database.create();
    const { app, baseUrl } = await startTestApp(
      {
        DATABASE_URL: databaseUrl ?? '',
        SMTP_URL: `${mail.url}${query}`,
        WEBHOOK_URL: caseSystem.url,
        WEBHOOK_SECRET: 'ab'.repeat(32),
      },
      { clock, log: logged.log },
    );
    const email = `lanes${++count}.${database.name.toLowerCase()}@example.org`;
    const as = await registerOverApi(baseUrl, smtp, email);
    return { app, as, email, mail, caseSystem, clock, logged };
  }

  const emailTried = async (app: App, submissionId: string) => {
    const row = () => app.db('outbox').where({ submission_id: submissionId, kind: 'email' }).first();
    const deadline = Date.now() + 15_000;
    while (Number((await row()).attempts) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return row();
  };

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
  });

  it('should deliver a referral to the case system while the mail server holds the connection and says nothing', async () => {
    // The mail server's silence is waited out for a minute here, longer than any slowness of the machine.
    const { app, as, email, mail, caseSystem, clock } = await portal('&greetingTimeout=60000&socketTimeout=60000');
    mail.silence();
    const submission = await submit(as);
    const hung = Date.now() + 15_000;
    while (mail.held() === 0 && Date.now() < hung) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(mail.held() > 0, 'the email went to the silent mail server');
    await caseSystem.receivedAtLeast(1);
    assert.ok(mail.held() > 0, 'the email is still waiting on the silent mail server as the delivery arrives');
    const jws = caseSystem.received[0]!.split('\n')[1]!;
    assert.is(JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString()).reference, submission.reference);

    // A mail server that answers takes over: the connection held is dropped, the send fails and is tried later.
    mail.speak();
    const tried = await emailTried(app, submission.id);
    assert.is(Number(tried.attempts), 1, 'the email failed once and waits to be tried again');
    assert.is(smtp.countTo(email), 1, 'only the registration code so far');
    clock.advance(MINUTE);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email)).subject, new RegExp(submission.reference));
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 2, 'the registration code and the confirmation, once');
    assert.is(caseSystem.received.length, 1, 'the delivery, once');
  });

  it('should give up on a mail server that never greets, say so in the log with nothing personal, and send the email once it answers', async () => {
    const { app, as, email, mail, clock, logged } = await portal('&greetingTimeout=200');
    mail.silence();
    const submission = await submit(as);
    const tried = await emailTried(app, submission.id);
    assert.is(Number(tried.attempts), 1);
    assert.match(tried.last_error, /the mail server did not answer in time/);
    const said = logged.lines.find((line) => line.msg.startsWith('Sending email'));
    assert.match(said?.msg ?? logged.text(), /failed \(try 1\); it will be tried again/);
    assert.match(JSON.stringify(said), /did not answer in time/);
    assert.not.match(logged.text(), new RegExp(`${email}|Sam|Carter|${submission.reference}`));

    mail.speak();
    clock.advance(MINUTE);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email)).subject, new RegExp(submission.reference));
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 2, 'the registration code and the confirmation, once');
  });

  it('should finish only the email being sent when stopped, and give the others back at once for another process', async () => {
    const mail = await startSilenceableMailServer(smtp);
    closeAtEnd(mail.close);
    const caseSystem = await startCaseSystem();
    closeAtEnd(caseSystem.close);
    // On SQLite, the app opens the database in this folder.
    const { databaseUrl, db, dataDir } = await database.create();
    const clock = manualClock();
    // Made here rather than by startTestApp, to be stopped in the middle of the test.
    const app = await createApp(
      readConfig({
        BUILD_DIR: await sharedBuild(),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl ?? '',
        // One connection to the mail server, so one email is sent at a time.
        SMTP_URL: `${mail.url}&greetingTimeout=1000&maxConnections=1`,
        WEBHOOK_URL: caseSystem.url,
        WEBHOOK_SECRET: 'ab'.repeat(32),
        PASSWORD_HASH_COST: '12',
      }),
      { clock, log: silentLog() },
    );
    const server = app.koa.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    };
    closeAtEnd(stop);
    const email = `lanes${++count}.${database.name.toLowerCase()}@example.org`;
    const as = await registerOverApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, smtp, email);

    // Two confirmations wait to be tried again, the mail server having turned them away.
    smtp.setDown(true);
    const submissions = [await submit(as), await submit(as)];
    await app.sendOutbox();
    smtp.setDown(false);
    const emails = () =>
      db('outbox')
        .where({ kind: 'email' })
        .whereIn(
          'submission_id',
          submissions.map((s) => s.id),
        );
    assert.equal(
      (await emails()).map((row: { attempts: number }) => Number(row.attempts)),
      [1, 1],
    );

    // Due again, the first is being sent to a mail server that has fallen silent, when the process stops.
    mail.silence();
    clock.advance(MINUTE);
    void app.sendOutbox();
    while (mail.held() === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop();
    const after = await emails();
    const tried = after.filter((row: { attempts: number }) => Number(row.attempts) === 2);
    const given = after.filter((row: { attempts: number }) => Number(row.attempts) === 1);
    assert.is(tried.length, 1, 'the email being sent was finished (it failed, and will be tried again)');
    assert.is(given.length, 1, 'the other was not tried by a process that was stopping');
    assert.is(given[0].claimed_by, null, 'and is free for another process to take now');
    assert.is(given[0].locked_until, null);
    assert.is(tried[0].claimed_by, null);
  });

  it('should send a backlog a few at a time, each email and delivery once, and try again only those that failed', async () => {
    const { app, as, email, caseSystem, clock } = await portal();
    // A dozen confirmations and deliveries wait: the mail server and the case system turned them away.
    smtp.setDown(true);
    caseSystem.setDown(true);
    const submissions: Array<{ id: string; reference: string }> = [];
    for (let i = 0; i < 12; i++) submissions.push(await submit(as));
    await app.sendOutbox();
    const unsent = () => app.db('outbox').whereNull('sent_at').select('kind', 'attempts');
    assert.is((await unsent()).length, 24);

    // The mail server is back, the case system still down: every email goes, once; no delivery.
    smtp.setDown(false);
    clock.advance(MINUTE);
    await app.sendOutbox();
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 13, 'the registration code and twelve confirmations, once each');
    for (const { reference } of submissions)
      assert.ok(
        smtp.received.some((mail) => mail.subject.includes(reference)),
        `the confirmation of ${reference}`,
      );
    assert.equal(
      (await unsent()).map((row: { kind: string; attempts: number }) => [row.kind, Number(row.attempts)]),
      Array.from({ length: 12 }, () => ['delivery', 2]),
      'each delivery tried twice, waiting for a third',
    );

    // The case system is back: each delivery arrives once.
    caseSystem.setDown(false);
    clock.advance(2 * MINUTE);
    await app.sendOutbox();
    await app.sendOutbox();
    assert.is(caseSystem.received.length, 12);
    const delivered = caseSystem.received.map(
      (each) => JSON.parse(Buffer.from(each.split('\n')[1]!.split('.')[1]!, 'base64url').toString()).reference,
    );
    assert.equal([...delivered].sort(), submissions.map((s) => s.reference).sort());
    assert.is((await unsent()).length, 0);
    assert.is(smtp.countTo(email), 13, 'no email sent again');
  });

  it('should keep why the case system could not be reached: refused, or a name that does not resolve', async () => {
    const { createServer } = await import('node:net');
    // A port that was free a moment ago, and is closed now: the connection is refused.
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    for (const [url, why] of [
      [`http://127.0.0.1:${port}/referrals`, /could not be reached \(ECONNREFUSED\)/],
      ['http://cases.invalid/referrals', /could not be reached \((ENOTFOUND|EAI_AGAIN)\)/],
    ] as const) {
      const { databaseUrl } = await database.create();
      const { app, baseUrl } = await startTestApp({
        DATABASE_URL: databaseUrl ?? '',
        SMTP_URL: smtp.url,
        WEBHOOK_URL: url,
        WEBHOOK_SECRET: 'ab'.repeat(32),
      });
      const as = await registerOverApi(
        baseUrl,
        smtp,
        `unreachable${++count}.${database.name.toLowerCase()}@example.org`,
      );
      const submission = await submit(as);
      await app.sendOutbox();
      const row = await app.db('outbox').where({ submission_id: submission.id, kind: 'delivery' }).first();
      assert.is(row.sent_at, null);
      assert.match(row.last_error, why, url);
    }
  });

  test.run();
}
