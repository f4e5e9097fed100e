/**
 * The council's retention policy on SQLite and PostgreSQL: RETENTION_DAYS after a referral is
 * closed, housekeeping deletes its answers, the notes and questions of its history and its search
 * keys, and leaves no copy in SQLite's files; the reference, dates, status, outcome and who did
 * what stay, and staff and referrer still open it (200) and read when the answers went. Reopening
 * stops the clock; closing again starts it afresh. Emails still waiting in the outbox still go.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { manualClock, DAY, HOUR, MINUTE } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { referredOverApi, signInOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { enrolledStaff, staffMembersOf } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
const RETENTION_DAYS = 7;
const KEPT_MS = RETENTION_DAYS * DAY;

/** A surname nobody else has, to look for in the database's files. */
const canary = () => `Quistwater${randomBytes(4).toString('hex')}`;

for (const database of await testDatabases()) {
  const test = suite(`Retention of closed referrals on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock(Date.now());
  let app: App;
  let baseUrl = '';
  let dataDir = '';
  let databaseUrl = '';
  let members: StaffMembers;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  /** How many emails each referrer's tests have read, so a sign-in reads its own code. */
  const read = new Map<string, number>();

  /** A referrer who sends one social care referral about the person named. */
  async function referred(surname: string) {
    const email = `kept${++count}.${database.name.toLowerCase()}@example.org`;
    read.set(email, 1);
    return referredOverApi(baseUrl, smtp, email, {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: {
        ...fixture.answers,
        personFirstName: 'Wilhelmina',
        personLastName: surname,
        personNhsNumber: '943 476 5919',
      },
    });
  }
  /** The referrer signed in again (days later, their session has ended), past the emails they were sent. */
  async function referrerAgain(email: string): Promise<Client> {
    await app.sendOutbox();
    for (let taken = read.get(email)!; taken < smtp.countTo(email); taken++) await smtp.nextTo(email);
    const as = await signInOverApi(baseUrl, smtp, email);
    read.set(email, smtp.countTo(email));
    return as;
  }
  /** A member of staff signed in now (days later, the last one's session has ended). */
  const staff = async () =>
    (await enrolledStaff(baseUrl, members, clock.now, `kept${++count}.${database.name.toLowerCase()}@sefton.gov.uk`))
      .as;
  const close = async (as: Client, id: string) => {
    const closed = await as.post(`/api/staff/submissions/${id}/status`, {
      status: 'closed',
      outcome: 'passed-to-team',
    });
    assert.is(closed.status, 204, JSON.stringify(closed.body));
    return (await as.get(`/api/staff/submissions/${id}`)).body.submission.closedAt as number;
  };
  const setClock = (to: number) => clock.advance(to - clock.now());
  const row = (id: string) =>
    app
      .db('submissions')
      .leftJoin('submission_answers', 'submission_answers.submission_id', 'submissions.id')
      .where('submissions.id', id)
      .first();
  const searchRows = async (id: string) => (await app.db('submission_search').where({ submission_id: id })).length;
  /** The SQLite files (the database and its write-ahead log) that hold this text. */
  const holding = async (text: string) => {
    const found: string[] = [];
    for (const name of (await readdir(dataDir)).filter((f) => f.startsWith('asc-forms.sqlite') && !f.endsWith('-shm')))
      if ((await readFile(join(dataDir, name))).includes(text)) found.push(name);
    return found;
  };

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    databaseUrl = (await database.create()).databaseUrl ?? '';
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, RETENTION_DAYS: String(RETENTION_DAYS) };
    ({ app, baseUrl, dataDir } = await startTestApp(env, { clock }));
    members = await staffMembersOf(app, dataDir, clock);
  });
  test.before.each(() => clock.advance(HOUR));

  it('should delete the answers, notes and search keys RETENTION_DAYS after closing, and keep what the referral was', async () => {
    const surname = canary();
    const { email, id, reference } = await referred(surname);
    let as = await staff();
    const question = 'Does Wilhelmina know about this referral?';
    await as.post(`/api/staff/submissions/${id}/status`, { status: 'more-information', question });
    const answered = await (await referrerAgain(email)).post(`/api/submissions/${id}/replies`, {
      text: `Yes: her son ${surname} told her.`,
    });
    assert.is(answered.status, 204, JSON.stringify(answered.body));
    setClock(clock.now() + MINUTE);
    const note = `Spoke to the daughter, ${surname}: she will call back.`;
    assert.is((await as.post(`/api/staff/submissions/${id}/notes`, { text: note })).status, 204);
    const closedAt = await close(as, id);
    const sealed = (await row(id)).answers as string;
    const sealedNote = (await app.db('submission_events').where({ submission_id: id, kind: 'note' }).first()).text;
    // An email queued for the referrer and not yet sent (their mail server is slow): it must still go.
    const waiting = randomUUID();
    await app.db('outbox').insert({
      id: waiting,
      submission_id: id,
      kind: 'email',
      payload: 'sealed elsewhere',
      key_id: 'none',
      created_at: clock.now(),
      next_attempt_at: closedAt + 365 * DAY,
    });

    const promised = (await as.get(`/api/staff/inbox?q=${reference}`)).body.items[0];
    assert.equal(promised.retention, { deleted: false, at: closedAt + KEPT_MS, daysAfterClosing: RETENTION_DAYS });
    const referrer = await referrerAgain(email);
    const listed = (await referrer.get('/api/submissions')).body.submissions.find((s: { id: string }) => s.id === id);
    assert.equal(listed.retention, promised.retention, 'the referrer is told the same date');
    if (database.name === 'SQLite')
      assert.ok((await holding(sealed.slice(-60))).length > 0, 'the files hold the sealed answers while they are kept');

    setClock(closedAt + KEPT_MS - MINUTE);
    assert.is((await app.forgetExpired()).closedAnswers, 0, 'a minute early, nothing goes');
    assert.is((await row(id)).answers, sealed);
    assert.ok((await searchRows(id)) > 0);

    setClock(closedAt + KEPT_MS + MINUTE);
    assert.is((await app.forgetExpired()).closedAnswers, 1);
    const kept = await row(id);
    assert.is(kept.answers, null, 'the answers are gone');
    assert.is(Number(kept.answers_deleted_at), clock.now());
    assert.is(kept.reference, reference);
    assert.is(kept.status, 'closed');
    assert.is(kept.outcome, 'passed-to-team');
    assert.is(Number(kept.closed_at), closedAt);
    assert.ok(Number(kept.submitted_at) <= closedAt, 'when it was received stays');
    assert.is(await searchRows(id), 0, 'the search keys are gone');
    assert.equal(
      (await app.db('submission_replies').where({ submission_id: id })).map((r) => r.text),
      [''],
      "the referrer's answer is gone",
    );
    const events = await app.db('submission_events').where({ submission_id: id }).orderBy('seq');
    assert.equal(
      events.map((e) => [e.kind, e.status, e.text]),
      [
        ['status', 'more-information', null],
        ['note', null, null],
        ['status', 'closed', null],
      ],
      'who did what stays, without the texts',
    );
    assert.is(
      (await app.db('outbox').where({ id: waiting }).first())?.payload,
      'sealed elsewhere',
      'unsent mail waits',
    );

    as = await staff();
    const opened = await as.get(`/api/staff/submissions/${id}`);
    assert.is(opened.status, 200, JSON.stringify(opened.body));
    const s = opened.body.submission;
    assert.equal(s.retention, { deleted: true, at: clock.now(), daysAfterClosing: RETENTION_DAYS });
    assert.equal(s.summary, []);
    assert.is(s.about, undefined);
    assert.is(s.reference, reference);
    assert.is(s.outcome, 'passed-to-team');
    assert.is(s.closedAt, closedAt);
    assert.equal(
      s.history.map((e: { kind: string; text?: string }) => [e.kind, e.text ?? null]),
      [
        ['status', null],
        ['reply', null],
        ['note', null],
        ['status', null],
      ],
    );
    assert.not.match(JSON.stringify(s), new RegExp(`${surname}|Wilhelmina|daughter`));
    const byName = await as.get(`/api/staff/inbox?q=Wilhelmina+${surname}`);
    assert.equal(byName.body.items, [], 'no longer found by name');
    assert.is((await as.get('/api/staff/inbox?q=9434765919')).body.items.length, 0, 'nor by NHS number');
    const csv = await fetch(`${baseUrl}/api/staff/inbox.csv?q=${reference}`, {
      headers: { cookie: [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    }).then((r) => r.text());
    const [header, line] = csv.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(header!, /,"Answers deleted","Answer received"$/);
    assert.match(
      line!,
      new RegExp(
        `^"${reference}","[^"]+","${fixture.definition.version}","","Sam Carter","",.*,"${new Date(clock.now()).toISOString()}",""$`,
      ),
    );
    const json = await as.get(`/api/staff/inbox.json?q=${reference}`);
    assert.equal(json.body.items[0].retention, s.retention);
    const changed = await as.post(`/api/staff/submissions/${id}/notes`, { text: 'One more thing.' });
    assert.is(changed.status, 409, 'its record is final');
    assert.match(changed.body.error.message, /deleted, as the council's retention policy says/);

    const mine = await referrerAgain(email);
    const again = (await mine.get('/api/submissions')).body.submissions.find((x: { id: string }) => x.id === id);
    assert.is(again.reference, reference);
    assert.is(again.status, 'closed');
    assert.is(again.about, undefined);
    assert.equal(again.retention, s.retention);
    const page = await mine.get(`/api/submissions/${id}`);
    assert.is(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.submission.summary, []);
    assert.equal(page.body.submission.retention, s.retention);

    if (database.name === 'SQLite') {
      assert.equal(await holding(sealed.slice(-60)), [], 'the sealed answers are in no database file');
      assert.equal(await holding(sealedNote.slice(-60)), [], 'nor the sealed note');
      assert.equal(await holding(surname), [], 'nor the name');
    }

    // Started again, the search index's refill passes over it: there is nothing to index.
    const restarted = await startTestApp(
      { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, DATA_DIR: dataDir, RETENTION_DAYS: String(RETENTION_DAYS) },
      { clock },
    );
    assert.ok(restarted.baseUrl);
    assert.is(await searchRows(id), 0);
  });

  it('should stop the clock when a closed referral is reopened, and start it afresh when it is closed again', async () => {
    const { id } = await referred(canary());
    let as = await staff();
    const firstClosed = await close(as, id);
    setClock(firstClosed + 3 * DAY);
    as = await staff();
    assert.is((await as.post(`/api/staff/submissions/${id}/status`, { status: 'screening' })).status, 204);
    assert.is((await as.get(`/api/staff/submissions/${id}`)).body.submission.retention, undefined, 'open: no date');

    setClock(firstClosed + KEPT_MS + MINUTE);
    await app.forgetExpired();
    assert.ok((await row(id)).answers, 'reopened in time: kept');
    as = await staff();
    assert.ok((await as.get(`/api/staff/submissions/${id}`)).body.submission.summary.length > 3);

    const closedAgain = await close(as, id);
    assert.is(
      (await as.get(`/api/staff/submissions/${id}`)).body.submission.retention.at,
      closedAgain + KEPT_MS,
      'counted from the second closing',
    );
    setClock(closedAgain + KEPT_MS - MINUTE);
    await app.forgetExpired();
    assert.ok((await row(id)).answers);
    setClock(closedAgain + KEPT_MS + MINUTE);
    await app.forgetExpired();
    assert.is((await row(id)).answers, null);
  });

  test.run();
}
