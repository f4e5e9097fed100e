/**
 * Emails and deliveries do not wait on each other, on SQLite and PostgreSQL, with a real SMTP
 * server behind an address that can fall silent and a real HTTP server as the case system: a mail
 * server that takes the connection and never answers holds back no delivery, a silent mail server
 * fails the send and the log says so (and nothing personal), and the email goes once it answers
 * again, exactly once.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
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
    const lines: string[] = [];
    const { databaseUrl } = await database.create();
    const { app, baseUrl } = await startTestApp(
      {
        DATABASE_URL: databaseUrl ?? '',
        SMTP_URL: `${mail.url}${query}`,
        WEBHOOK_URL: caseSystem.url,
        WEBHOOK_SECRET: 'ab'.repeat(32),
      },
      { clock, log: (line) => lines.push(line) },
    );
    const email = `lanes${++count}.${database.name.toLowerCase()}@example.org`;
    const as = await registerOverApi(baseUrl, smtp, email);
    return { app, as, email, mail, caseSystem, clock, lines };
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
    const { app, as, email, mail, caseSystem, clock } = await portal();
    mail.silence();
    const submission = await submit(as);
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
    const { app, as, email, mail, clock, lines } = await portal('&greetingTimeout=200');
    mail.silence();
    const submission = await submit(as);
    const tried = await emailTried(app, submission.id);
    assert.is(Number(tried.attempts), 1);
    assert.match(tried.last_error, /the mail server did not answer in time/);
    const said = lines.find((line) => line.startsWith('Sending email'));
    assert.match(said ?? lines.join('\n'), /failed \(try 1\); it will be tried again: .*did not answer in time/);
    for (const line of lines) assert.not.match(line, new RegExp(`${email}|Sam|Carter|${submission.reference}`), line);

    mail.speak();
    clock.advance(MINUTE);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email)).subject, new RegExp(submission.reference));
    await app.sendOutbox();
    assert.is(smtp.countTo(email), 2, 'the registration code and the confirmation, once');
  });

  test.run();
}
