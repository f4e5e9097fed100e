/**
 * The council's staff over HTTP, on SQLite and PostgreSQL: added by council IT with npm run staff,
 * set up with a one-time code, signed in with a password and an authenticator app's code (RFC
 * 6238) or a recovery code, with sessions of their own; and who may reach which routes.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { manualClock, MINUTE, HOUR } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, TEST_PASSWORD } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { bytesOf } from '../support/database-files.ts';
import { appCode, enrolledStaff, staffCommand, staffMembersOf, STAFF_PASSWORD } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import type { App } from '../../server/index.ts';

for (const database of await testDatabases()) {
  const test = suite(`Council staff on ${database.name}`);
  const it = database.skip ? test.skip : test;
  // The command line keeps the real time; the app's clock starts there and is moved by the tests.
  const clock = manualClock(Date.now());
  let baseUrl = '';
  let env: Record<string, string> = {};
  let members: StaffMembers;
  let db: App['db'];
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  const newEmail = () => `staff${++count}.${database.name.toLowerCase()}@sefton.gov.uk`;
  const now = () => clock.now();

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    const started = await startTestApp({ DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url }, { clock });
    baseUrl = started.baseUrl;
    env = { DATA_DIR: started.dataDir, DATABASE_URL: databaseUrl ?? '' };
    members = await staffMembersOf(started.app, started.dataDir, clock);
    db = started.app.db;
  });
  // A fresh hour for each test, so one test's rate limits do not reach the next; and past the
  // time step of the last code, so each test's first code is new.
  test.before.each(() => clock.advance(HOUR));

  it('should set up a member added on the command line, enrol their app from the QR code, and sign them in', async () => {
    const email = newEmail();
    const added = await staffCommand(env, 'add', email, 'Priya', 'Shah');
    assert.is(added.code, 0, added.output);
    assert.match(added.output, /Added Priya Shah/);
    const setupCode = /set-up code: (\S+)/.exec(added.output)![1]!;
    assert.match(setupCode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.match(added.output, /not by email/);

    const as = client(baseUrl);
    const wrongCode = await as.post('/api/staff/set-up', {
      email,
      setupCode: 'AAAA-BBBB-CCCC',
      password: STAFF_PASSWORD,
      confirmPassword: STAFF_PASSWORD,
    });
    assert.is(wrongCode.status, 400);
    assert.match(wrongCode.body.error.fields[0].message, /set-up code is not right/);
    const weak = await as.post('/api/staff/set-up', {
      email,
      setupCode: setupCode.toLowerCase(),
      password: 'Southport2026!',
      confirmPassword: 'Southport2026!',
    });
    assert.is(weak.status, 400);
    assert.match(weak.body.error.fields[0].message, /easy to guess/);

    const setUp = await as.post('/api/staff/set-up', {
      email,
      setupCode,
      password: STAFF_PASSWORD,
      confirmPassword: STAFF_PASSWORD,
    });
    assert.is(setUp.status, 202);
    assert.is(setUp.body.next, 'enrol');
    const { secret, uri, qrSvg } = setUp.body.enrolment;
    assert.match(secret, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    assert.match(uri, /^otpauth:\/\/totp\/Sefton%20Adult%20Social%20Care:/);
    assert.match(qrSvg, /^<svg[^>]*>/);

    assert.is((await as.post('/api/staff/sign-in/enrol', { code: '000000' })).status, 400);
    const enrolled = await as.post('/api/staff/sign-in/enrol', { code: appCode(secret, now()) });
    assert.is(enrolled.status, 201);
    assert.equal(enrolled.body.staff, { forename: 'Priya', surname: 'Shah', email, isAdmin: false });
    assert.is(enrolled.body.recoveryCodes.length, 10);
    assert.is(new Set(enrolled.body.recoveryCodes).size, 10);
    assert.is((await as.get('/api/staff/session')).status, 200);

    // The set-up code is spent.
    const again = await client(baseUrl).post('/api/staff/set-up', {
      email,
      setupCode,
      password: STAFF_PASSWORD,
      confirmPassword: STAFF_PASSWORD,
    });
    assert.is(again.status, 400);

    assert.is((await as.post('/api/staff/sign-out')).status, 204);
    assert.is((await as.get('/api/staff/session')).status, 401);
    const list = await staffCommand(env, 'list');
    assert.match(list.output, new RegExp(`${email}\\tPriya Shah\\tstaff\\tactive`));
  });

  it("should sign in with a password and the app's code, never take the same code twice, and audit each step", async () => {
    const { email, secret } = await enrolledStaff(baseUrl, members, now, newEmail());
    clock.advance(MINUTE);
    const as = client(baseUrl);
    const wrong = await as.post('/api/staff/sign-in', { email, password: `${STAFF_PASSWORD}x` });
    assert.is(wrong.status, 400);
    assert.match(wrong.body.error.fields[0].message, /email address or password is not right/);
    const unknown = await as.post('/api/staff/sign-in', { email: 'nobody@sefton.gov.uk', password: STAFF_PASSWORD });
    assert.equal(unknown.body, wrong.body, 'an unknown address reads as a wrong password');

    const started = await as.post('/api/staff/sign-in', { email, password: STAFF_PASSWORD });
    assert.is(started.status, 202);
    assert.equal(started.body, { next: 'code' });
    assert.is((await as.get('/api/staff/session')).status, 401, 'a password alone is not a session');
    const code = appCode(secret, now());
    const signedIn = await as.post('/api/staff/sign-in/code', { code });
    assert.is(signedIn.status, 200);
    assert.is(signedIn.body.staff.email, email);
    assert.is(signedIn.body.expiresAt - now(), 8 * HOUR);
    assert.is(signedIn.body.idleRemainingMs, 20 * MINUTE);

    // Someone who saw the code over a shoulder, within the same 30 seconds, gets nothing.
    const other = client(baseUrl);
    await other.post('/api/staff/sign-in', { email, password: STAFF_PASSWORD });
    const replay = await other.post('/api/staff/sign-in/code', { code });
    assert.is(replay.status, 400);
    assert.match(replay.body.error.fields[0].message, /code is not right/);
    // The next code from the app, half a minute later, works.
    clock.advance(30_000);
    assert.is((await other.post('/api/staff/sign-in/code', { code: appCode(secret, now()) })).status, 200);
  });

  it('should let a recovery code in once, and count what is left', async () => {
    const { email, recoveryCodes } = await enrolledStaff(baseUrl, members, now, newEmail());
    const as = client(baseUrl);
    await as.post('/api/staff/sign-in', { email, password: STAFF_PASSWORD });
    const used = await as.post('/api/staff/sign-in/code', { code: recoveryCodes[3]!.toLowerCase() });
    assert.is(used.status, 200);
    assert.is(used.body.recoveryCodesLeft, 9);
    const again = client(baseUrl);
    await again.post('/api/staff/sign-in', { email, password: STAFF_PASSWORD });
    const twice = await again.post('/api/staff/sign-in/code', { code: recoveryCodes[3] });
    assert.is(twice.status, 400);
    assert.match(twice.body.error.fields[0].message, /used already/);
  });

  it("should stop guessing at the app's code after five wrong tries", async () => {
    const { email, secret } = await enrolledStaff(baseUrl, members, now, newEmail());
    clock.advance(MINUTE);
    const as = client(baseUrl);
    await as.post('/api/staff/sign-in', { email, password: STAFF_PASSWORD });
    for (let i = 0; i < 5; i++) assert.is((await as.post('/api/staff/sign-in/code', { code: '123456' })).status, 400);
    const locked = await as.post('/api/staff/sign-in/code', { code: appCode(secret, now()) });
    assert.is(locked.status, 429, 'even the right code waits once the tries are spent');
  });

  it('should end a staff session after 20 minutes idle and after 8 hours at most', async () => {
    const { as } = await enrolledStaff(baseUrl, members, now, newEmail());
    clock.advance(19 * MINUTE);
    assert.is((await as.get('/api/staff/session')).status, 200);
    clock.advance(21 * MINUTE);
    assert.is((await as.get('/api/staff/session')).status, 401);

    const { as: busy } = await enrolledStaff(baseUrl, members, now, newEmail());
    for (let minutes = 0; minutes < 8 * 60 - 15; minutes += 15) {
      clock.advance(15 * MINUTE);
      assert.is((await busy.get('/api/staff/session')).status, 200, `after ${minutes + 15} minutes`);
    }
    clock.advance(16 * MINUTE);
    assert.is((await busy.get('/api/staff/session')).status, 401, 'a working day at most');
  });

  it('should say how long the session has left without counting as activity, and keep it alive when asked', async () => {
    const { as } = await enrolledStaff(baseUrl, members, now, newEmail());
    clock.advance(18 * MINUTE);
    const left = await as.get('/api/staff/session/left');
    assert.is(left.status, 200);
    assert.is(left.body.idleRemainingMs, 2 * MINUTE, 'asking is not activity');
    const kept = await as.post('/api/staff/keep-alive', {});
    assert.is(kept.status, 200);
    assert.is(kept.body.idleRemainingMs, 20 * MINUTE, 'the member stayed signed in');
    clock.advance(19 * MINUTE);
    assert.is((await as.get('/api/staff/session/left')).status, 200);
    clock.advance(2 * MINUTE);
    assert.is((await as.get('/api/staff/session/left')).status, 401, 'idle for 21 minutes since staying');
    assert.is((await as.post('/api/staff/keep-alive', {})).status, 401, 'an ended session cannot be kept alive');
  });

  it('should refuse an expired set-up code, and give a new one on reset that ends the old password and app', async () => {
    const email = newEmail();
    const oldCode = (await members.add({ email, forename: 'Tom', surname: 'Reid' })).setUp.code;
    clock.advance(73 * HOUR);
    const expired = await client(baseUrl).post('/api/staff/set-up', {
      email,
      setupCode: oldCode,
      password: STAFF_PASSWORD,
      confirmPassword: STAFF_PASSWORD,
    });
    assert.is(expired.status, 400);
    assert.match(expired.body.error.fields[0].message, /expired/);

    const enrolled = await enrolledStaff(baseUrl, members, now, newEmail());
    const reset = await staffCommand(env, 'reset', enrolled.email);
    assert.is(reset.code, 0, reset.output);
    assert.is((await enrolled.as.get('/api/staff/session')).status, 401, 'their sessions end');
    const signIn = await client(baseUrl).post('/api/staff/sign-in', {
      email: enrolled.email,
      password: STAFF_PASSWORD,
    });
    assert.is(signIn.status, 400, 'the old password no longer works');
    assert.match(reset.output, /set-up code: \S+/);
  });

  it('should answer each staff route by who asks: nobody 401, a referrer 403, staff 200, disabled staff 401', async () => {
    const referrer = await registerOverApi(baseUrl, smtp, `referrer${++count}@example.org`);
    const member = await enrolledStaff(baseUrl, members, now, newEmail());
    const routes = [
      ['GET', '/api/staff/session'],
      ['GET', '/api/staff/session/left'],
    ] as const;
    for (const [method, path] of routes) {
      assert.is((await client(baseUrl).raw(method, path)).status, 401, `${path} for nobody`);
      const asReferrer = await referrer.raw(method, path);
      assert.is(asReferrer.status, 403, `${path} for a referrer`);
      assert.match(asReferrer.body.error.message, /for the council's staff/);
      assert.is((await member.as.raw(method, path)).status, 200, `${path} for staff`);
    }
    // A staff session is not a referrer's: the referrers' own routes do not take it.
    for (const path of ['/api/account/session', '/api/drafts', '/api/submissions'])
      assert.is((await member.as.get(path)).status, 401, `${path} with a staff session`);
    // And a referrer's password never opens the staff side, even at the same address.
    const sameAddress = `both${++count}@sefton.gov.uk`;
    await registerOverApi(baseUrl, smtp, sameAddress);
    const asStaff = await client(baseUrl).post('/api/staff/sign-in', { email: sameAddress, password: TEST_PASSWORD });
    assert.is(asStaff.status, 400);

    const disabled = await staffCommand(env, 'disable', member.email);
    assert.is(disabled.code, 0, disabled.output);
    for (const [method, path] of routes)
      assert.is((await member.as.raw(method, path)).status, 401, `${path} once disabled: at once`);
    const refused = await client(baseUrl).post('/api/staff/sign-in', { email: member.email, password: STAFF_PASSWORD });
    assert.match(refused.body.error.fields[0].message, /disabled: ask council IT/);
    assert.is((await staffCommand(env, 'enable', member.email)).code, 0);
    const back = client(baseUrl);
    assert.is((await back.post('/api/staff/sign-in', { email: member.email, password: STAFF_PASSWORD })).status, 202);
  });

  it('should keep the authenticator secret sealed in the database, never in clear', async () => {
    const { secret } = await enrolledStaff(baseUrl, members, now, newEmail());
    const bare = secret.replace(/\s/g, '');
    if (database.name === 'SQLite') {
      const files = (await readdir(env.DATA_DIR!)).filter((f) => f.startsWith('asc-forms.sqlite'));
      assert.ok(files.length > 0);
      for (const file of files)
        assert.not.ok((await bytesOf(join(env.DATA_DIR!, file))).includes(bare), `${file} holds the secret`);
    }
  });

  it('should make a member an administrator on the command line, or no longer one, list which, and audit each', async () => {
    const plain = newEmail();
    const admin = newEmail();
    assert.is((await staffCommand(env, 'add', plain, 'Sam', 'Okafor')).code, 0);
    const added = await staffCommand(env, 'add', admin, 'Ruth', 'Adeyemi', '--admin');
    assert.is(added.code, 0, added.output);
    assert.match(added.output, /Added Ruth Adeyemi \(\S+\), an administrator/);
    const listed = async () =>
      Object.fromEntries(
        (await staffCommand(env, 'list')).output
          .split('\n')
          .map((line) => line.split('\t'))
          .map(([email, , role]) => [email, role]),
      );
    const before = await listed();
    assert.equal([before[plain], before[admin]], ['staff', 'administrator']);

    const made = await staffCommand(env, 'admin', plain);
    assert.is(made.code, 0, made.output);
    assert.match(made.output, /Sam Okafor \(\S+\) is an administrator/);
    const unmade = await staffCommand(env, 'not-admin', admin);
    assert.is(unmade.code, 0, unmade.output);
    assert.match(unmade.output, /Ruth Adeyemi \(\S+\) is no longer an administrator/);
    const after = await listed();
    assert.equal([after[plain], after[admin]], ['administrator', 'staff']);

    const rows: Array<{ email: string; event: string; ip: string }> = await db('audit_log')
      .join('staff', 'staff.id', 'audit_log.user_id')
      .whereIn('staff.email', [plain, admin])
      .whereIn('event', ['staff-added', 'staff-admin-granted', 'staff-admin-removed'])
      .orderBy('audit_log.id')
      .select('staff.email', 'audit_log.event', 'audit_log.ip');
    assert.equal(
      rows.map((row) => [row.email, row.event, row.ip]),
      [
        [plain, 'staff-added', 'command line'],
        [admin, 'staff-added', 'command line'],
        [plain, 'staff-admin-granted', 'command line'],
        [admin, 'staff-admin-removed', 'command line'],
      ],
    );
    const missing = await staffCommand(env, 'admin', 'nobody@sefton.gov.uk');
    assert.is(missing.code, 1);
    assert.match(missing.output, /No member of staff has the email address/);
    assert.is((await staffCommand(env, 'not-admin')).code, 2, 'an email address is needed');
  });

  it('should say what to fix when the command is used wrongly', async () => {
    const usage = await staffCommand(env, 'add', 'only@sefton.gov.uk');
    assert.is(usage.code, 2);
    assert.match(usage.output, /add takes 3 argument\(s\)/);
    const bad = await staffCommand(env, 'add', 'not-an-email', 'A', 'B');
    assert.is(bad.code, 1);
    assert.match(bad.output, /"not-an-email" is not an email address/);
    const missing = await staffCommand(env, 'disable', 'nobody@sefton.gov.uk');
    assert.match(missing.output, /No member of staff has the email address/);
    assert.not.match(missing.output, /\n\s+at /, 'no stack trace');
  });

  test.run();
}
