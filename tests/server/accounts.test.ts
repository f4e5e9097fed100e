/**
 * Accounts end to end over HTTP, on SQLite and on PostgreSQL, with a real SMTP server receiving
 * the codes and a clock the tests move: each rule of security.md for accounts has a test here
 * that fails if the rule is removed.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { request as httpRequest } from 'node:http';
import type { App } from '../../server/index.ts';
import { manualClock, MINUTE, HOUR } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer, codeIn } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, signInOverApi, TEST_PASSWORD, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { capturedLog } from '../support/captured-log.ts';

const PASSWORD = TEST_PASSWORD;
const NEW_PASSWORD = 'Lighthouse keeper 2 boats!';

for (const database of await testDatabases()) {
  const test = suite(`Accounts on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock();
  const logged = capturedLog();
  let app: App;
  let baseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let emailCount = 0;
  const newEmail = () => `referrer${++emailCount}.${database.name.toLowerCase()}@example.org`;

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    ({ app, baseUrl } = await startTestApp(
      { DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url },
      { clock, log: logged.log },
    ));
  });

  // Each test starts in a fresh hour, so the rate limits one test reaches do not spill into the next.
  test.before.each(() => clock.advance(HOUR));

  /** Registers a new account up to its code: the form filled, the code emailed. */
  const startRegistration = (as: Client, email: string) =>
    as.post('/api/account/registrations', {
      forename: 'Jo',
      surname: 'Bloggs',
      email,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });

  /** Registers and verifies a new account; returns the client, signed in. */
  async function registered(email = newEmail(), as: Client = client(baseUrl)): Promise<{ as: Client; email: string }> {
    return { as: await registerOverApi(baseUrl, smtp, email, { as }), email };
  }

  const signedIn = (email: string) => signInOverApi(baseUrl, smtp, email);

  it('should register with a code emailed to the person, typed with the space, and sign them in', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    const started = await as.post('/api/account/registrations', {
      forename: 'Sam',
      surname: 'Carter',
      email,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    assert.equal(started.body, { email, expiresAt: clock.now() + 20 * MINUTE, expiresInMs: 20 * MINUTE });
    const mail = await smtp.nextTo(email);
    assert.match(mail.subject, /verification code for Sefton Adult Social Care/);
    assert.match(mail.text, /expires in 20 minutes/);
    assert.match(mail.html, /<h1/);
    const verified = await as.post('/api/account/registrations/verify', { code: codeIn(mail) });
    assert.is(verified.status, 201);
    assert.equal(verified.body.user, { forename: 'Sam', surname: 'Carter', email });
    const session = verified.setCookies.find((c) => c.startsWith('asc_session='))!;
    assert.match(session, /httponly/i);
    assert.match(session, /samesite=lax/i);
    assert.match(session, /path=\//i);
    assert.is((await as.get('/api/account')).body.user.forename, 'Sam');
  });

  it('should accept a code as 123456, 123 456 or 123-456', async () => {
    for (const shape of [(c: string) => c.replace(' ', ''), (c: string) => c.replace(' ', '-')]) {
      const as = client(baseUrl);
      const email = newEmail();
      await startRegistration(as, email);
      assert.is(
        (await as.post('/api/account/registrations/verify', { code: shape(codeIn(await smtp.nextTo(email))) })).status,
        201,
      );
    }
  });

  it('should refuse a code that is not 6 digits, saying what to enter', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    await smtp.nextTo(email);
    const response = await as.post('/api/account/registrations/verify', { code: '12345' });
    assert.is(response.status, 400);
    assert.equal(response.body.error.fields, [{ field: 'code', message: 'Enter a code of 6 digits, like 123 456' }]);
  });

  it('should let a code work once only', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email));
    const flow = as.jar.get('asc_flow')!;
    assert.is((await as.post('/api/account/registrations/verify', { code })).status, 201);
    const again = client(baseUrl);
    again.jar.set('asc_flow', flow);
    const replay = await again.post('/api/account/registrations/verify', { code });
    assert.is(replay.status, 400);
    assert.match(replay.body.error.message, /used or replaced/);
  });

  it('should refuse a registration code after 20 minutes', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email));
    clock.advance(19 * MINUTE);
    const flow = as.jar.get('asc_flow')!;
    clock.advance(2 * MINUTE);
    as.jar.set('asc_flow', flow);
    const late = await as.post('/api/account/registrations/verify', { code });
    assert.ok(late.status === 400 || late.status === 409, JSON.stringify(late.body));
    assert.match(late.body.error.message, /expired|timed out/);
  });

  it('should refuse a sign-in code after 10 minutes', async () => {
    const { email } = await registered();
    const as = client(baseUrl);
    await as.post('/api/account/sign-in', { email, password: PASSWORD });
    const code = codeIn(await smtp.nextTo(email));
    clock.advance(9 * MINUTE);
    const flow = as.jar.get('asc_flow')!;
    clock.advance(2 * MINUTE);
    as.jar.set('asc_flow', flow);
    const late = await as.post('/api/account/sign-in/verify', { code });
    assert.not.equal(late.status, 200);
    assert.match(late.body.error.message, /expired|timed out/);
  });

  it('should kill a code after 5 wrong tries, so the right one is refused too', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email)).replace(' ', '');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push((await as.post('/api/account/registrations/verify', { code: wrong })).body.error.message);
    assert.match(answers[0], /not right.*4 more times/);
    assert.match(answers[4], /too many times: request a new one/);
    const right = await as.post('/api/account/registrations/verify', { code });
    assert.is(right.status, 400);
    assert.match(right.body.error.message, /too many times/);
    assert.ok(
      (await app.db('audit_log').where({ event: 'register-code', outcome: 'refused' })).length >= 1,
      'the lockout is in the audit log',
    );
  });

  it('should replace the old code with a new one on request, and limit requests to one a minute and five an hour', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const first = codeIn(await smtp.nextTo(email));
    const tooSoon = await as.post('/api/account/registrations/code');
    assert.is(tooSoon.status, 429);
    assert.match(tooSoon.body.error.message, /a new one in a minute/);
    assert.ok(Number(tooSoon.headers.get('retry-after')) > 0);
    clock.advance(MINUTE + 1);
    assert.is((await as.post('/api/account/registrations/code')).status, 202);
    const second = codeIn(await smtp.nextTo(email));
    if (second !== first) {
      const old = await as.post('/api/account/registrations/verify', { code: first });
      assert.is(old.status, 400, 'the replaced code no longer works');
    }
    for (let i = 0; i < 3; i++) {
      clock.advance(MINUTE + 1);
      assert.is((await as.post('/api/account/registrations/code')).status, 202);
      await smtp.nextTo(email);
    }
    clock.advance(MINUTE + 1);
    const sixth = await as.post('/api/account/registrations/code');
    assert.is(sixth.status, 429);
    assert.match(sixth.body.error.message, /too many codes/);
  });

  it('should send a code at each of a dozen sign-ins across a working day, yet refuse a burst of codes, saying when to try again', async () => {
    const { email } = await registered();
    // A busy day's sign-ins: several close together in the morning (a session ends after 20 idle
    // minutes; a shared computer is signed out after each referral), fewer later on.
    const minutesApart = [0, 8, 9, 10, 7, 12, 45, 60, 90, 40, 30, 25];
    for (const [n, gap] of minutesApart.entries()) {
      clock.advance(gap * MINUTE);
      const as = client(baseUrl);
      const started = await as.post('/api/account/sign-in', { email, password: PASSWORD });
      assert.is(started.status, 202, `sign-in ${n + 1}: ${JSON.stringify(started.body)}`);
      const verified = await as.post('/api/account/sign-in/verify', { code: codeIn(await smtp.nextTo(email)) });
      assert.is(verified.status, 200, `sign-in ${n + 1}: ${JSON.stringify(verified.body)}`);
    }
    const lastCodeUsed = clock.now();

    // Codes asked for and never used, a minute apart: a few are sent, then the rest are refused.
    let refused: Awaited<ReturnType<Client['post']>> | undefined;
    let sent = 0;
    while (!refused && sent < 10) {
      clock.advance(MINUTE + 1);
      const response = await client(baseUrl).post('/api/account/sign-in', { email, password: PASSWORD });
      if (response.status === 429) refused = response;
      else {
        assert.is(response.status, 202, JSON.stringify(response.body));
        await smtp.nextTo(email);
        sent++;
      }
    }
    assert.ok(refused, 'a burst of codes should be refused');
    assert.ok(sent <= 4, `${sent} codes were sent in the burst`);
    const wait = Number(refused.headers.get('retry-after'));
    assert.is(wait, Math.ceil((lastCodeUsed + HOUR - clock.now()) / 1000), 'until the first of them is an hour old');
    const minutes = Math.ceil(wait / 60);
    assert.match(refused.body.error.message, `Try again in ${minutes} minutes`);
    assert.not.match(refused.body.error.message, /an hour/);
    clock.advance(wait * 1000);
    assert.is((await client(baseUrl).post('/api/account/sign-in', { email, password: PASSWORD })).status, 202);
    await smtp.nextTo(email);
  });

  it('should bind a code to its purpose: a registration code cannot sign anyone in', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email));
    const attempt = await as.post('/api/account/sign-in/verify', { code });
    assert.is(attempt.status, 409);
    assert.not.ok(as.jar.has('asc_session'));
  });

  it('should sign in with the password and then an emailed code', async () => {
    const { email } = await registered();
    const as = client(baseUrl);
    const started = await as.post('/api/account/sign-in', { email: email.toUpperCase(), password: PASSWORD });
    assert.is(started.status, 202);
    assert.equal((await as.get('/api/account')).body, { user: null }, 'the password alone does not sign in');
    const mail = await smtp.nextTo(email);
    assert.match(mail.subject, /sign-in code/);
    assert.is((await as.post('/api/account/sign-in/verify', { code: codeIn(mail) })).status, 200);
    assert.is((await as.get('/api/account')).body.user.email, email);
  });

  it('should say in every code email the minutes the answer that sent it gives', async () => {
    const { email } = await registered();
    const minutesIn = (text: string) => Number(/expires in (\d+) minutes/.exec(text)?.[1]);
    const fresh = newEmail();
    const sends = [
      [
        '/api/account/registrations',
        { forename: 'Jo', surname: 'Bloggs', email: fresh, password: PASSWORD, confirmPassword: PASSWORD },
      ],
      ['/api/account/sign-in', { email, password: PASSWORD }],
      ['/api/account/password-reset', { email }],
    ] as const;
    for (const [path, body] of sends) {
      const as = client(baseUrl);
      const sent = await as.post(path, body);
      assert.is(sent.status, 202, path);
      assert.is(minutesIn((await smtp.nextTo(body.email)).text), sent.body.expiresInMs / MINUTE, path);
      clock.advance(MINUTE + 1);
      const again = await as.post(`${path}/code`);
      assert.is(minutesIn((await smtp.nextTo(body.email)).text), again.body.expiresInMs / MINUTE, `${path}/code`);
    }
  });

  it('should refuse an address in the wrong format with the same words when registering and resetting', async () => {
    const format = [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }];
    const registering = await startRegistration(client(baseUrl), 'jo.bloggs@example');
    assert.is(registering.status, 400);
    assert.equal(registering.body.error.fields, format);
    const resetting = await client(baseUrl).post('/api/account/password-reset', { email: 'jo.bloggs@example' });
    assert.is(resetting.status, 400);
    assert.equal(resetting.body.error.fields, format);
  });

  it('should say how long the new session has idle when registering and when signing in', async () => {
    const idle = { idleExpiresAt: clock.now() + 20 * MINUTE, idleRemainingMs: 20 * MINUTE };
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const registering = await as.post('/api/account/registrations/verify', { code: codeIn(await smtp.nextTo(email)) });
    assert.equal(registering.body, { user: registering.body.user, ...idle });
    const again = client(baseUrl);
    await again.post('/api/account/sign-in', { email, password: PASSWORD });
    const signingIn = await again.post('/api/account/sign-in/verify', { code: codeIn(await smtp.nextTo(email)) });
    assert.equal(signingIn.body, { user: registering.body.user, ...idle });
  });

  it('should give a new session id at every sign-in', async () => {
    const { email } = await registered();
    const first = await signedIn(email);
    clock.advance(MINUTE + 1);
    const second = await signedIn(email);
    assert.is.not(first.jar.get('asc_session'), second.jar.get('asc_session'));
  });

  it('should answer an unknown email and a wrong password with the same words', async () => {
    const { email } = await registered();
    const unknown = await client(baseUrl).post('/api/account/sign-in', {
      email: 'nobody.here@example.org',
      password: PASSWORD,
    });
    const wrong = await client(baseUrl).post('/api/account/sign-in', { email, password: 'Wrong-password-123' });
    assert.is(unknown.status, 400);
    assert.equal(unknown.body, wrong.body);
    assert.match(wrong.body.error.message, /email address or password is not right/);
    const failures = await app.db('audit_log').where({ event: 'sign-in', outcome: 'failure' });
    assert.ok(failures.length >= 2, 'failed sign-ins are in the audit log');
  });

  it('should answer a password reset the same way whether the email has an account or not', async () => {
    const { email } = await registered();
    const before = smtp.countTo('unknown.person@example.org');
    const known = await client(baseUrl).post('/api/account/password-reset', { email });
    const unknown = await client(baseUrl).post('/api/account/password-reset', { email: 'unknown.person@example.org' });
    assert.equal([known.status, Object.keys(known.body)], [unknown.status, Object.keys(unknown.body)]);
    assert.match((await smtp.nextTo(email)).subject, /Reset your password/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.is(smtp.countTo('unknown.person@example.org'), before, 'nothing is sent to an address without an account');
  });

  it('should answer every later step of a reset the same whether the email has an account or not', async () => {
    const { email } = await registered();
    const steps = async (address: string) => {
      const as = client(baseUrl);
      await as.post('/api/account/password-reset', { email: address });
      const wrong = await as.post('/api/account/password-reset/confirm', {
        code: '000000',
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
      const resend = await as.post('/api/account/password-reset/code');
      return [wrong.status, wrong.body.error.message.replace(/\d more/, 'N more'), resend.status];
    };
    assert.equal(await steps(email), await steps('no.account.here@example.org'));
  });

  it('should answer a reset asked twice in a minute, and a new password built on the name, alike for known and unknown addresses', async () => {
    const { email } = await registered();
    const onName = 'SamCarter2024!';
    const steps = async (address: string) => {
      const as = client(baseUrl);
      await as.post('/api/account/password-reset', { email: address });
      const again = await as.post('/api/account/password-reset', { email: address });
      const confirm = await as.post('/api/account/password-reset/confirm', {
        code: '000000',
        password: onName,
        confirmPassword: onName,
      });
      return [again.status, again.body, confirm.status, confirm.body];
    };
    assert.equal(await steps(email), await steps('nobody.here@example.org'));
    // The owner, with the right code, is still told not to build the password on their name.
    const code = codeIn(await smtp.nextTo(email));
    const owner = client(baseUrl);
    clock.advance(MINUTE + 1);
    await owner.post('/api/account/password-reset', { email });
    const fresh = codeIn(await smtp.nextTo(email));
    assert.not.equal(fresh, code);
    const named = await owner.post('/api/account/password-reset/confirm', {
      code: fresh,
      password: onName,
      confirmPassword: onName,
    });
    assert.is(named.status, 400);
    assert.equal(
      named.body.error.fields.map((f: { field: string }) => f.field),
      ['password'],
    );
    const done = await owner.post('/api/account/password-reset/confirm', {
      code: fresh,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.is(done.status, 204, 'the code still works once the password is changed');
  });

  it('should compare no more than 5 guesses at a code, even sent all at once', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email)).replace(' ', '');
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => as.post('/api/account/registrations/verify', { code: wrong })),
    );
    const compared = answers.filter((r) => /not right|too many times/.test(r.body?.error?.message ?? '')).length;
    const notRight = answers.filter((r) => /not right/.test(r.body?.error?.message ?? '')).length;
    assert.ok(notRight <= 4, `${notRight} guesses were told "not right"`);
    assert.is(compared, 30);
    assert.is(
      (await as.post('/api/account/registrations/verify', { code })).status,
      400,
      'the right code comes too late',
    );
  });

  it('should keep one live code when new ones are asked for all at once', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    await smtp.nextTo(email);
    clock.advance(MINUTE + 1);
    const statuses = (
      await Promise.all(Array.from({ length: 10 }, () => as.post('/api/account/registrations/code')))
    ).map((r) => r.status);
    assert.ok(statuses.filter((status) => status === 202).length <= 2, statuses.join(' '));
    const live = await app
      .db('email_codes')
      .where({ purpose: 'register' })
      .whereNull('consumed_at')
      .select('subject_id');
    const perSubject = new Map<string, number>();
    for (const row of live) perSubject.set(row.subject_id, (perSubject.get(row.subject_id) ?? 0) + 1);
    assert.ok([...perSubject.values()].every((count) => count === 1));
  });

  it('should refuse an expired code while the registration itself is still open', async () => {
    const as = client(baseUrl);
    const email = newEmail();
    await startRegistration(as, email);
    const code = codeIn(await smtp.nextTo(email));
    clock.advance(21 * MINUTE);
    const late = await as.post('/api/account/registrations/verify', { code });
    assert.is(late.status, 400);
    assert.is(late.body.error.message, 'That code has expired: request a new one');
    assert.is((await as.post('/api/account/registrations/code')).status, 202, 'a new code can still be asked for');
  });

  it("should refuse names that are not names, since they go into the council's emails", async () => {
    const response = await client(baseUrl).post('/api/account/registrations', {
      forename: 'Your referral was REJECTED. Go to https://evil.example',
      surname: 'Smith',
      email: newEmail(),
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    assert.is(response.status, 400);
    assert.equal(response.body.error.fields, [
      { field: 'forename', message: 'Forename must only include letters, spaces, hyphens and apostrophes' },
    ]);
    assert.is(
      (
        await client(baseUrl).post('/api/account/registrations', {
          forename: "Siân O'Neill-Jones",
          surname: 'Smith',
          email: newEmail(),
          password: PASSWORD,
          confirmPassword: PASSWORD,
        })
      ).status,
      202,
    );
  });

  it('should answer a registration with a known email as for a new one, and tell the owner by email', async () => {
    const { email } = await registered();
    const again = await client(baseUrl).post('/api/account/registrations', {
      forename: 'Eve',
      surname: 'Other',
      email,
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    const fresh = await client(baseUrl).post('/api/account/registrations', {
      forename: 'Eve',
      surname: 'Other',
      email: newEmail(),
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    assert.equal([again.status, Object.keys(again.body)], [fresh.status, Object.keys(fresh.body)]);
    assert.match((await smtp.nextTo(email)).subject, /already have an account/);
  });

  it('should send an account\'s owner no more than 3 "already registered" emails an hour, whoever asks, and answer alike', async () => {
    const { email } = await registered();
    const before = smtp.countTo(email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await startRegistration(client(baseUrl), email)).status);
    assert.equal(statuses, Array(6).fill(202));
    for (let i = 0; i < 3; i++) assert.match((await smtp.nextTo(email)).subject, /already have an account/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.is(smtp.countTo(email), before + 3);
    clock.advance(HOUR);
    await startRegistration(client(baseUrl), email);
    assert.match((await smtp.nextTo(email)).subject, /already have an account/, 'and again the next hour');
  });

  it('should reset a password with the emailed code, end every session, and send a notice', async () => {
    const { as: first, email } = await registered();
    const second = await signedIn(email);
    const reset = client(baseUrl);
    await reset.post('/api/account/password-reset', { email });
    const code = codeIn(await smtp.nextTo(email));
    const done = await reset.post('/api/account/password-reset/confirm', {
      code,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.is(done.status, 204, JSON.stringify(done.body));
    assert.is((await first.get('/api/account')).status, 401);
    assert.is((await second.get('/api/account')).status, 401);
    assert.match((await smtp.nextTo(email)).subject, /has changed/);
    clock.advance(MINUTE + 1);
    assert.is((await client(baseUrl).post('/api/account/sign-in', { email, password: NEW_PASSWORD })).status, 202);
    await smtp.nextTo(email);
  });

  it('should sign out on the server: the old cookie replayed gets 401', async () => {
    const { as } = await registered();
    const cookie = as.jar.get('asc_session')!;
    const signedOut = await as.post('/api/account/sign-out');
    assert.is(signedOut.status, 204);
    assert.is(signedOut.headers.get('clear-site-data'), '"cache", "storage"', 'the browser forgets what it kept');
    const replay = client(baseUrl);
    replay.jar.set('asc_session', cookie);
    assert.is((await replay.get('/api/account')).status, 401);
    const again = await replay.post('/api/account/sign-out');
    assert.is(again.status, 401);
    assert.is(again.headers.get('clear-site-data'), '"cache", "storage"', 'even when the session had ended');
    assert.match(again.setCookies.join('\n'), /asc_session=;.*expires=Thu, 01 Jan 1970/i, 'and its cookie goes');
  });

  it('should change a password only with the current one, end the other sessions and renew this one', async () => {
    const { as, email } = await registered();
    const other = await signedIn(email);
    const oldCookie = as.jar.get('asc_session')!;
    const wrong = await as.post('/api/account/password', {
      currentPassword: 'Not-the-password-1',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.is(wrong.status, 400);
    assert.equal(wrong.body.error.fields, [
      { field: 'currentPassword', message: 'Your current password is not right' },
    ]);
    const changed = await as.post('/api/account/password', {
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.is(changed.status, 204, JSON.stringify(changed.body));
    assert.is((await as.get('/api/account')).status, 200, 'this browser stays signed in');
    assert.is.not(as.jar.get('asc_session'), oldCookie);
    assert.is((await other.get('/api/account')).status, 401, 'the other session ended');
    const replay = client(baseUrl);
    replay.jar.set('asc_session', oldCookie);
    assert.is((await replay.get('/api/account')).status, 401, 'the old cookie of this browser is dead');
  });

  it('should end a session after 20 minutes without activity, and keep it while the person carries on', async () => {
    const { as } = await registered();
    clock.advance(15 * MINUTE);
    const kept = await as.post('/api/account/keep-alive');
    assert.is(kept.status, 200);
    assert.is(kept.body.idleExpiresAt, clock.now() + 20 * MINUTE);
    clock.advance(15 * MINUTE);
    assert.is((await as.get('/api/account')).status, 200, '30 minutes in, but active 15 minutes ago');
    clock.advance(20 * MINUTE + 1);
    assert.is((await as.get('/api/account')).status, 401);
  });

  it('should end a session 12 hours after sign-in whatever the activity', async () => {
    const { as } = await registered();
    const statuses: number[] = [];
    for (let i = 0; i < 12 * 4; i++) {
      clock.advance(15 * MINUTE);
      statuses.push((await as.post('/api/account/keep-alive')).status);
    }
    assert.ok(
      statuses.slice(0, 46).every((status) => status === 200),
      'kept alive for 11½ hours',
    );
    assert.is(statuses.at(-1), 401, 'ended at 12 hours');
    assert.equal((await as.get('/api/account')).body, { user: null }, 'and the cookie is gone');
  });

  it('should limit sign-in attempts to one account, and not be fooled by a forged X-Forwarded-For', async () => {
    const { email } = await registered();
    clock.advance(15 * MINUTE);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await client(baseUrl, { 'x-forwarded-for': `10.0.0.${i}` }).post('/api/account/sign-in', {
            email,
            password: 'Wrong-password-123',
          })
        ).status,
      );
    }
    assert.equal(statuses.slice(0, 10), Array(10).fill(400));
    assert.is(statuses[10], 429);
    const limited = await client(baseUrl).post('/api/account/sign-in', { email, password: PASSWORD });
    assert.is(limited.status, 429, 'even the right password waits');
    assert.match(limited.body.error.message, /wait \d+ minutes?/);
    clock.advance(15 * MINUTE);
  });

  /** Tries a password to sign in from another client address on this machine (127.0.0.2); returns the status. */
  const signInFrom = (localAddress: string, email: string, password: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ email, password });
      const request = httpRequest(
        `${baseUrl}/api/account/sign-in`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('should slow a guesser of passwords, not the owner, and let the owner in after a reset', async () => {
    const { email } = await registered();
    const guesses: number[] = [];
    for (let i = 0; i < 11; i++) guesses.push(await signInFrom('127.0.0.2', email, 'Wrong-password-123'));
    assert.equal(guesses, [...Array(10).fill(400), 429], 'the guesser is stopped');
    assert.is(await signInFrom('127.0.0.2', email, PASSWORD), 429, 'even with the right password');
    const owner = await client(baseUrl).post('/api/account/sign-in', { email, password: PASSWORD });
    assert.is(owner.status, 202, 'the owner, elsewhere, signs in');
    await smtp.nextTo(email);

    // The owner mistypes ten times, is held back, and resets the password: that lets them in.
    clock.advance(MINUTE + 1);
    for (let i = 0; i < 10; i++)
      await client(baseUrl).post('/api/account/sign-in', { email, password: 'Wrong-1234567' });
    assert.is((await client(baseUrl).post('/api/account/sign-in', { email, password: PASSWORD })).status, 429);
    const reset = client(baseUrl);
    await reset.post('/api/account/password-reset', { email });
    const code = codeIn(await smtp.nextTo(email));
    const done = await reset.post('/api/account/password-reset/confirm', {
      code,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    assert.is(done.status, 204);
    await smtp.nextTo(email);
    const after = await client(baseUrl).post('/api/account/sign-in', { email, password: NEW_PASSWORD });
    assert.is(after.status, 202, 'a completed reset lifts the lock');
    await smtp.nextTo(email);
  });

  it('should check the password policy on the server, and refuse common passwords that pass it', async () => {
    const as = client(baseUrl);
    const attempt = (password: string) =>
      as.post('/api/account/registrations', {
        forename: 'Jo',
        surname: 'Bloggs',
        email: newEmail(),
        password,
        confirmPassword: password,
      });
    const short = await attempt('Short-1a');
    assert.equal(
      short.body.error.fields.map((f: { field: string }) => f.field),
      ['password'],
    );
    assert.match(short.body.error.fields[0].message, /at least 12 characters/);
    // The council's name and the places of its area (portal.json's council.places), with digits.
    const councils = ['Sefton2024!!A', 'Southport2026!', 'Maghull-1984!', 'InceBlundell7!'];
    for (const common of ['Password123!', 'Welcome2024!', 'P@ssw0rd2024!', ...councils]) {
      const refused = await attempt(common);
      assert.is(refused.status, 400, common);
      assert.match(refused.body.error.fields[0].message, /too (common|easy to guess)/, common);
    }
    const long = 'A long passphrase with spaces, digits 42 and ünïcödé, well past sixty-four characters in all!';
    assert.is((await attempt(long)).status, 202);
    const mismatch = await as.post('/api/account/registrations', {
      forename: 'Jo',
      surname: 'Bloggs',
      email: newEmail(),
      password: PASSWORD,
      confirmPassword: `${PASSWORD}x`,
    });
    assert.equal(mismatch.body.error.fields, [
      { field: 'confirmPassword', message: 'The passwords do not match: enter the same password twice' },
    ]);
  });

  it('should refuse unknown fields, bodies that are not JSON, oversized bodies and requests from other sites', async () => {
    const as = client(baseUrl);
    const extra = await as.post('/api/account/sign-in', { email: 'a@b.co', password: 'x', role: 'staff' });
    assert.is(extra.status, 400);
    assert.match(extra.body.error.message, /Unknown field "role"/);
    assert.is(
      (await as.raw('POST', '/api/account/sign-in', 'email=a@b.co', { 'content-type': 'text/plain' })).status,
      415,
    );
    assert.is(
      (
        await as.raw('POST', '/api/account/sign-in', 'email=a%40b.co', {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).status,
      415,
    );
    assert.is((await as.post('/api/account/sign-in', { email: 'a@b.co', password: 'x'.repeat(20_000) })).status, 413);
    const forged = await as.post(
      '/api/account/sign-in',
      { email: 'a@b.co', password: 'x' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    assert.is(forged.status, 403);
    assert.is(
      (await as.raw('POST', '/api/account/sign-out', '', { 'content-type': 'text/plain' })).status,
      415,
      'a bodiless request is JSON too',
    );
    assert.is((await as.post('/api/account/sign-in/code', { role: 'staff' })).status, 400, 'and carries no fields');
  });

  it('should answer "nobody" to a browser with no session, and 401 to one whose session has ended', async () => {
    const stranger = client(baseUrl);
    const anonymous = await stranger.get('/api/account');
    assert.is(anonymous.status, 200);
    assert.equal(anonymous.body, { user: null });
    const { as } = await registered();
    await as.post('/api/account/sign-out');
    const ended = client(baseUrl);
    ended.jar.set('asc_session', 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl');
    assert.is((await ended.get('/api/account')).status, 401);
  });

  it('should keep codes out of the log, and personal answers out of cache', async () => {
    const { as, email } = await registered();
    const response = await as.get('/api/account');
    assert.is(response.headers.get('cache-control'), 'no-store');
    // What the lines say, without the time and process id, which are numbers of their own.
    const said = logged.lines.map(({ time, pid, ...line }) => JSON.stringify(line)).join('\n');
    assert.ok(said.length > 0, 'the requests were logged');
    assert.not.ok(/\b\d{3} ?\d{3}\b/.test(said) || said.includes(email), said);
  });

  test.run();
}
