/**
 * The triage team's inbox over HTTP, on SQLite and PostgreSQL: who may reach each route; finding
 * a referral by its reference or by the person's name, date of birth or NHS number with none of
 * them in the database in clear; assigning, asking the referrer for more information, closing
 * with an outcome, notes, and the history of it all; the referrer's plain status and the email
 * that tells them (through a real SMTP server); the audit row of every look and action; exports.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { manualClock, HOUR } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, referredOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { bytesOf } from '../support/database-files.ts';
import { enrolledStaff, staffMembersOf, type EnrolledStaff } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;

/** A surname nobody else has, so a search finds one referral and a file search finds any copy. */
const canary = () => `Quistwater${randomBytes(4).toString('hex')}`;

for (const database of await testDatabases()) {
  const test = suite(`The staff inbox on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock(Date.now());
  let app: App;
  let baseUrl = '';
  let dataDir = '';
  let databaseUrl = '';
  let members: StaffMembers;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  const now = () => clock.now();
  const staffEmail = () => `triage${++count}.${database.name.toLowerCase()}@sefton.gov.uk`;

  /** A referrer who sends one social care referral about the person named; its id and reference. */
  async function referred(
    surname: string,
    changes: Record<string, unknown> = {},
  ): Promise<{ as: Client; email: string; id: string; reference: string }> {
    return referredOverApi(baseUrl, smtp, `referrer${++count}.${database.name.toLowerCase()}@example.org`, {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: { ...fixture.answers, personFirstName: 'Wilhelmina', personLastName: surname, ...changes },
    });
  }
  const triage = (): Promise<EnrolledStaff> => enrolledStaff(baseUrl, members, now, staffEmail());
  const found = async (as: Client, query: string) => {
    const page = await as.get(`/api/staff/inbox?${query}`);
    assert.is(page.status, 200, JSON.stringify(page.body));
    return page.body.items.map((item: { reference: string }) => item.reference) as string[];
  };
  const auditRows = async (event: string) =>
    (await app.db('audit_log').where({ event }).orderBy('id')).map((row) => ({
      ...row,
      at: Number(row.at),
      detail: JSON.parse(row.detail ?? '{}'),
    }));

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    databaseUrl = (await database.create()).databaseUrl ?? '';
    const started = await startTestApp({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url }, { clock });
    ({ app, baseUrl, dataDir } = started);
    members = await staffMembersOf(app, dataDir, clock);
  });
  test.before.each(() => clock.advance(HOUR));

  it('should answer each staff route by who asks: nobody 401, a referrer 403, staff 2xx (an administrator for the audit log, others 403), disabled staff 401', async () => {
    const { as: referrer, id } = await referred(canary());
    const member = await triage();
    const admin = await enrolledStaff(baseUrl, members, now, staffEmail(), { admin: true });
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/staff/inbox'],
      ['GET', '/api/staff/inbox.csv'],
      ['GET', '/api/staff/inbox.json'],
      ['GET', '/api/staff/members'],
      ['GET', `/api/staff/submissions/${id}`],
      ['POST', `/api/staff/submissions/${id}/assign`, { assignee: 'me' }],
      ['POST', `/api/staff/submissions/${id}/status`, { status: 'screening' }],
      ['POST', `/api/staff/submissions/${id}/notes`, { text: 'Called the GP surgery.' }],
      ['GET', '/api/staff/session'],
      ['GET', '/api/staff/session/left'],
      ['POST', '/api/staff/keep-alive', {}],
    ];
    const adminRoutes: Array<[string, string, unknown?]> = [
      ['GET', '/api/staff/audit'],
      ['GET', '/api/staff/audit/export?format=csv'],
      ['GET', '/api/staff/audit/export?format=json'],
    ];
    // Not every answer is JSON (the CSV export): the status is what counts here.
    const status = async (as: Client, [method, path, body]: [string, string, unknown?]) =>
      (
        await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            cookie: [...as.jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        })
      ).status;
    for (const route of routes) {
      const path = route[1];
      assert.is(await status(client(baseUrl), route), 401, `${path} for nobody`);
      assert.is(await status(referrer, route), 403, `${path} for a referrer`);
      assert.ok([200, 204].includes(await status(member.as, route)), `${path} for staff`);
    }
    for (const route of adminRoutes) {
      const path = route[1];
      assert.is(await status(client(baseUrl), route), 401, `${path} for nobody`);
      assert.is(await status(referrer, route), 403, `${path} for a referrer`);
      assert.is(await status(member.as, route), 403, `${path} for staff who are not an administrator`);
      assert.is(await status(admin.as, route), 200, `${path} for an administrator`);
    }
    // A staff session is never a referrer's: every route of the referrers' own takes it as nobody.
    const draft = randomUUID();
    const referrerRoutes: Array<[string, string, unknown?]> = [
      ['GET', '/api/account/session'],
      ['POST', '/api/account/keep-alive', {}],
      ['POST', '/api/account/password', { currentPassword: 'x', password: 'y', confirmPassword: 'y' }],
      ['POST', '/api/account/sign-out', {}],
      ['GET', '/api/drafts'],
      ['POST', '/api/drafts', { formId: fixture.definition.id, formVersion: 2, pageId: 'p', answers: {} }],
      ['GET', `/api/drafts/${draft}`],
      ['PUT', `/api/drafts/${draft}`, { version: 1, pageId: 'p', answers: {} }],
      ['DELETE', `/api/drafts/${draft}`],
      ['GET', '/api/submissions'],
      ['POST', '/api/submissions', { formId: 'x', formVersion: 1, answers: {}, idempotencyKey: randomUUID() }],
      ['GET', `/api/submissions/${id}`],
      ['POST', `/api/submissions/${id}/replies`, { text: 'He is at home now.' }],
    ];
    for (const route of referrerRoutes)
      assert.is(await status(member.as, route), 401, `${route[0]} ${route[1]} with a staff session`);
    assert.equal((await member.as.get('/api/account')).body, { user: null }, 'nobody is signed in as a referrer');
    await members.disable(member.email);
    await members.disable(admin.email);
    for (const route of routes) assert.is(await status(member.as, route), 401, `${route[1]} once disabled`);
    for (const route of adminRoutes) assert.is(await status(admin.as, route), 401, `${route[1]} once disabled`);
  });

  it("should find a referral by its reference and by the person's name, date of birth or NHS number, exactly", async () => {
    const surname = canary();
    const { reference } = await referred(surname, {
      personDateOfBirth: '1941-03-12',
      personNhsNumber: '943 476 5919',
    });
    const { as } = await triage();
    assert.equal(await found(as, `q=${reference.toLowerCase()}`), [reference], 'by reference, any case');
    assert.equal(await found(as, `q=${encodeURIComponent(`  wilhelmina   ${surname.toUpperCase()} `)}`), [reference]);
    assert.equal(await found(as, `q=${encodeURIComponent('Wilhelmina')}`), [], 'a name matches whole, not in part');
    const byDob = await found(as, `q=${encodeURIComponent('12/03/1941')}`);
    assert.ok(byDob.includes(reference), 'by date of birth as 12/03/1941');
    assert.equal(await found(as, 'q=1941-03-12'), byDob, 'and as 1941-03-12');
    assert.ok((await found(as, `q=${encodeURIComponent('943-476-5919')}`)).includes(reference), 'by NHS number');
    const search = (await auditRows('staff-search')).at(-1)!;
    assert.is(search.detail.searchBy, 'nhs');
    // Its time, id and the member's id hold digits too: what the row says of the search must not hold the number.
    assert.not.match(JSON.stringify(search.detail), /943|5919/, 'the audit log says how staff searched, not for what');
    assert.not.ok((await found(as, 'q=1941-03-13')).includes(reference));

    if (database.name === 'SQLite') {
      const files = (await readdir(dataDir)).filter((f) => f.startsWith('asc-forms.sqlite'));
      assert.ok(files.some((f) => f.endsWith('-wal')) || files.length > 0);
      for (const file of files) {
        const bytes = await bytesOf(join(dataDir, file));
        assert.not.ok(bytes.includes(surname), `${file} holds the name in clear`);
        assert.not.ok(bytes.includes(surname.toLowerCase()), `${file} holds the name, lower-cased`);
        assert.not.ok(bytes.includes('9434765919') || bytes.includes('943 476 5919'), `${file} holds the NHS number`);
        assert.not.ok(bytes.includes('1941-03-12'), `${file} holds the date of birth`);
      }
    }
  });

  it('should find earlier submissions, and those indexed under another secret, once the server starts again', async () => {
    const before = canary();
    const { id, reference } = await referred(before);
    const rekeyed = canary();
    const other = await referred(rekeyed);
    // As a submission from before the index was there, and one whose hashes another SESSION_SECRET made.
    await app.db('submission_search').whereIn('submission_id', [id, other.id]).delete();
    await app.db('submissions').where({ id }).update({ search_key_id: null });
    await app.db('submission_search').insert({ submission_id: other.id, hash: 'f'.repeat(64) });
    await app.db('submissions').where({ id: other.id }).update({ search_key_id: 'an-older-secret' });
    const { as } = await triage();
    assert.equal(await found(as, `q=Wilhelmina+${before}`), []);
    const restarted = await startTestApp(
      { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, DATA_DIR: dataDir },
      { clock },
    );
    const again = await enrolledStaff(restarted.baseUrl, members, now, staffEmail());
    assert.equal(await found(again.as, `q=Wilhelmina+${before}`), [reference]);
    assert.equal(await found(again.as, `q=Wilhelmina+${rekeyed}`), [other.reference]);
    assert.equal(
      (await app.db('submission_search').where({ submission_id: other.id }))
        .map((row) => row.hash)
        .includes('f'.repeat(64)),
      false,
      'the old hashes go',
    );
  });

  it('should assign, ask the referrer for more information, close with an outcome, keep notes, and show it all in order', async () => {
    const { as: referrer, email, id, reference } = await referred(canary());
    const priya = await triage();
    const colleague = await triage();
    const colleagueId = (await colleague.as.get('/api/staff/members')).body.me;
    const { body: team } = await priya.as.get('/api/staff/members');
    assert.ok(
      team.members.some((m: { id: string }) => m.id === colleagueId),
      'a colleague to assign to',
    );

    assert.is((await priya.as.post(`/api/staff/submissions/${id}/assign`, { assignee: 'me' })).status, 204);
    assert.equal(await found(priya.as, 'assignee=me'), [reference]);
    assert.not.ok((await found(priya.as, 'assignee=nobody')).includes(reference));
    assert.is((await priya.as.post(`/api/staff/submissions/${id}/assign`, { assignee: colleagueId })).status, 204);
    assert.equal(await found(colleague.as, 'assignee=me'), [reference]);
    const unknown = await priya.as.post(`/api/staff/submissions/${id}/assign`, { assignee: randomUUID() });
    assert.is(unknown.status, 400);
    assert.is(unknown.body.error.fields[0].field, 'assignee');

    const noQuestion = await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'more-information' });
    assert.is(noQuestion.status, 400);
    assert.equal(noQuestion.body.error.fields, [{ field: 'question', message: 'Enter the question for the referrer' }]);
    const question = 'Does Wilhelmina know about this referral?';
    const asked = await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'more-information', question });
    assert.is(asked.status, 204);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email, 20_000)).subject, /has been sent/, 'the confirmation first');
    const mail = await smtp.nextTo(email, 20_000);
    assert.match(mail.subject, new RegExp(`more information about referral ${reference}`));
    assert.match(mail.text, /\/account\/sign-in/);
    assert.not.match(mail.text + mail.html + mail.subject, /Wilhelmina|Quistwater/, 'no personal data in the email');

    const listed = (await referrer.get('/api/submissions')).body.submissions.find((s: { id: string }) => s.id === id);
    assert.is(listed.status, 'being-looked-at');
    assert.is(listed.question, question);
    assert.is((await referrer.get(`/api/submissions/${id}`)).body.submission.question, question);
    assert.equal(await found(priya.as, `status=more-information&q=${reference}`), [reference]);

    const note = 'Spoke to the daughter: she will call back.';
    assert.is((await priya.as.post(`/api/staff/submissions/${id}/notes`, { text: note })).status, 204);
    assert.is((await priya.as.post(`/api/staff/submissions/${id}/notes`, { text: '   ' })).status, 400);
    const noOutcome = await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'closed' });
    assert.equal(noOutcome.body.error.fields, [{ field: 'outcome', message: 'Choose the outcome of the referral' }]);
    const closed = await priya.as.post(`/api/staff/submissions/${id}/status`, {
      status: 'closed',
      outcome: 'passed-to-team',
    });
    assert.is(closed.status, 204);
    await app.sendOutbox();
    assert.match((await smtp.nextTo(email, 20_000)).subject, new RegExp(`Your referral ${reference} has been updated`));
    const after = (await referrer.get('/api/submissions')).body.submissions.find((s: { id: string }) => s.id === id);
    assert.is(after.status, 'closed');
    assert.is(after.question, undefined, 'the question goes once it is closed');
    assert.not.match(JSON.stringify(after), /daughter/, 'the referrer never sees a note');

    const { body } = await priya.as.get(`/api/staff/submissions/${id}`);
    const opened = body.submission;
    assert.is(opened.status, 'closed');
    assert.is(opened.outcome, 'passed-to-team');
    assert.is(opened.referrer.email, email);
    assert.is(opened.referrer.organisation, 'Bootle district nursing team');
    assert.ok(opened.summary.length > 3, 'the answers by page');
    assert.equal(
      opened.history.map((e: { kind: string; status?: string; text?: string }) => [
        e.kind,
        e.status ?? null,
        e.text ?? null,
      ]),
      [
        ['assigned', null, null],
        ['assigned', null, null],
        ['status', 'more-information', question],
        ['note', null, note],
        ['status', 'closed', null],
      ],
    );
    assert.is(opened.history[1].assignee.id, colleagueId);

    if (database.name === 'SQLite')
      for (const file of (await readdir(dataDir)).filter((f) => f.startsWith('asc-forms.sqlite')))
        assert.not.ok((await bytesOf(join(dataDir, file))).includes('she will call back'), `${file} holds the note`);
  });

  it('should write who did what, when and from where to the audit log for every look and action', async () => {
    const { id, reference } = await referred(canary());
    const priya = await triage();
    const memberId = (await priya.as.get('/api/staff/members')).body.me;
    const since = now();
    await priya.as.get('/api/staff/inbox?status=new');
    await priya.as.get(`/api/staff/inbox?q=${reference}`);
    await priya.as.get(`/api/staff/submissions/${id}`);
    await fetch(`${baseUrl}/api/staff/inbox.csv?status=new`, {
      headers: { cookie: [...priya.as.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    await priya.as.post(`/api/staff/submissions/${id}/assign`, { assignee: 'me' });
    await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'screening' });
    await priya.as.post(`/api/staff/submissions/${id}/notes`, { text: 'Private: Wilhelmina is in hospital.' });
    for (const [event, detail] of [
      ['staff-inbox', { status: 'new' }],
      ['staff-search', { searchBy: 'reference' }],
      ['staff-view', { submissionId: id, reference }],
      ['staff-export', { format: 'csv', status: 'new' }],
      ['staff-assign', { submissionId: id, assignee: memberId }],
      ['staff-status', { submissionId: id, status: 'screening' }],
      ['staff-note', { submissionId: id, reference }],
      ['staff-members', {}],
    ] as const) {
      const row = (await auditRows(event)).at(-1);
      assert.ok(row, `${event} is audited`);
      assert.is(row.user_id, memberId, `${event}: who`);
      assert.ok(row.at >= since, `${event}: when`);
      assert.match(row.ip, /127\.0\.0\.1/, `${event}: from where`);
      for (const [key, value] of Object.entries(detail)) assert.is(row.detail[key], value, `${event}: ${key}`);
      assert.not.match(JSON.stringify(row), /Wilhelmina|hospital/, `${event}: no personal data`);
    }
  });

  it('should export what the filters match as CSV a spreadsheet cannot run, and as JSON', async () => {
    const { reference } = await referred(canary(), { referrerOrganisation: '=HYPERLINK("http://evil.example","x")' });
    const { as } = await triage();
    const response = await fetch(`${baseUrl}/api/staff/inbox.csv?q=${reference}`, {
      headers: { cookie: [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.is(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition')!, /attachment; filename="referrals.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, for Excel');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.match(lines[0]!, /^"Reference","Form","Version","About","Referrer","Organisation"/);
    assert.is(lines.length, 3, 'the header, one row, and the last line ending');
    assert.match(lines[1]!, new RegExp(`^"${reference}",`));
    assert.match(lines[1]!, /,"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)",/, 'the formula is made text');
    const json = await as.get(`/api/staff/inbox.json?q=${reference}`);
    assert.equal(
      json.body.items.map((i: { reference: string }) => i.reference),
      [reference],
    );
    assert.is((await as.get('/api/staff/inbox.csv?status=lost')).status, 400);
  });

  it('should refuse filters and bodies that are not as they should be, saying what to fix', async () => {
    const { id } = await referred(canary());
    const { as } = await triage();
    const unknown = await as.get('/api/staff/inbox?order=name');
    assert.is(unknown.status, 400);
    assert.match(unknown.body.error.message, /Unknown parameter "order"/);
    assert.is((await as.get('/api/staff/inbox?cursor=nonsense')).status, 400);
    assert.is((await as.get(`/api/staff/submissions/${randomUUID()}`)).status, 404);
    assert.is((await as.get('/api/staff/submissions/not-an-id')).status, 404);
    const role = await as.post(`/api/staff/submissions/${id}/status`, { status: 'closed', outcome: 'lost' });
    assert.is(role.status, 400);
  });

  it('should mark an urgent referral and give each its next deadline in working hours, until it is closed', async () => {
    // The fixture answers "How urgent is the referral?" with urgent: screening is due within 4 working hours.
    const urgent = await referred(canary());
    const routine = await referred(canary(), { urgency: 'routine' });
    let { as } = await triage();
    const itemOf = async (reference: string) => {
      const page = await as.get(`/api/staff/inbox?q=${reference}`);
      assert.is(page.body.items.length, 1, reference);
      return page.body.items[0];
    };
    const first = await itemOf(urgent.reference);
    assert.is(first.urgent, true);
    assert.is(first.deadline.label, 'Screening due');
    assert.is(first.deadline.kind, 'instant');
    assert.is(first.deadline.overdue, false);
    assert.ok(first.deadline.at > first.submittedAt);
    const second = await itemOf(routine.reference);
    assert.is(second.urgent, undefined, 'a routine referral is not marked urgent');
    assert.ok(second.deadline.at > first.deadline.at, 'routine screening is due later than urgent screening');

    const opened = await as.get(`/api/staff/submissions/${urgent.id}`);
    assert.equal(
      opened.body.submission.deadlines.map((d: { label: string }) => d.label),
      ['Screening due'],
    );
    const csv = await fetch(`${baseUrl}/api/staff/inbox.csv?q=${urgent.reference}`, {
      headers: { cookie: [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    }).then((r) => r.text());
    assert.match(csv, /"Urgent","Next deadline","Deadline","Overdue","Answers deleted","Answer received"\r\n/);
    assert.match(csv, /,"Urgent","Screening due","\d{4}-\d\d-\d\dT[\d:.]+Z","","",""\r\n/);

    // A fortnight on, nobody has looked: it is overdue; once closed, nothing is late any more.
    clock.advance(14 * 24 * HOUR);
    ({ as } = await triage());
    assert.is((await itemOf(urgent.reference)).deadline.overdue, true);
    const closed = await as.post(`/api/staff/submissions/${urgent.id}/status`, {
      status: 'closed',
      outcome: 'no-further-action',
    });
    assert.is(closed.status, 204, JSON.stringify(closed.body));
    const after = await itemOf(urgent.reference);
    assert.is(after.urgent, undefined);
    assert.is(after.deadline, undefined);
  });

  it("should tell the triage team's mailbox of each new referral, urgent or not, with a link and nothing personal", async () => {
    const team = `team.${database.name.toLowerCase()}@sefton.gov.uk`;
    const { databaseUrl: url } = await database.create();
    const { app: teamApp, baseUrl: teamUrl } = await startTestApp(
      {
        DATABASE_URL: url ?? '',
        SMTP_URL: smtp.url,
        TRIAGE_TEAM_EMAIL: team,
        PUBLIC_URL: 'https://forms.example.gov.uk',
      },
      { clock },
    );
    const referrer = `teamreferrer${++count}@example.org`;
    // Changes are taken from pages at PUBLIC_URL only, as a browser there sends them.
    const as = await registerOverApi(teamUrl, smtp, referrer, {
      as: client(teamUrl, { origin: 'https://forms.example.gov.uk' }),
    });
    const surname = canary();
    const sent = await as.post('/api/submissions', {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: { ...fixture.answers, personFirstName: 'Wilhelmina', personLastName: surname },
      idempotencyKey: randomUUID(),
    });
    assert.is(sent.status, 201, JSON.stringify(sent.body));
    await teamApp.sendOutbox();
    const notice = await smtp.nextTo(team);
    const { id, reference } = sent.body.submission;
    assert.is(notice.subject, `Urgent: New referral ${reference}: ${fixture.definition.title}`);
    assert.match(notice.text, new RegExp(`https://forms\\.example\\.gov\\.uk/staff/submissions/${id}`));
    assert.match(notice.text, /Next deadline: Screening due, \d{1,2} \w+ \d{4} at \d{1,2}:\d\d[ap]m\./);
    for (const personal of [surname, 'Wilhelmina', 'Sam', 'Carter', referrer, 'Bootle'])
      assert.not.ok(
        `${notice.subject}\n${notice.text}\n${notice.html}`.includes(personal),
        `the notice holds ${personal}`,
      );
    assert.is(smtp.countTo(referrer), 2, 'the referrer has their code and their own confirmation');
  });

  it('should page the inbox 50 at a time, the newest first, with the total', async () => {
    const { email } = await referred(canary());
    const { id: userId } = await app.db('users').where({ email }).first();
    // More than a page, some sent at the same moment: the order must still be whole and stable.
    const at = now();
    await app.db('submissions').insert(
      Array.from({ length: 55 }, (_, i) => ({
        id: randomUUID(),
        reference: `ASC-PAGE-${randomBytes(2).toString('hex').toUpperCase()}${i}`,
        user_id: userId,
        form_id: fixture.definition.id,
        form_version: fixture.definition.version,
        key_id: 'none',
        idempotency_key: randomUUID(),
        answers_digest: '0'.repeat(64),
        submitted_at: at - (i % 20),
      })),
    );
    const { as } = await triage();
    const first = await as.get('/api/staff/inbox');
    const total = first.body.total;
    assert.ok(total >= 1);
    const seen: string[] = [];
    let page = first.body;
    for (;;) {
      assert.ok(page.items.length <= 50);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      const times = page.items.map((i: { submittedAt: number }) => i.submittedAt);
      assert.equal(
        times,
        [...times].sort((a: number, b: number) => b - a),
        'the newest first',
      );
      if (!page.nextCursor) break;
      page = (await as.get(`/api/staff/inbox?cursor=${page.nextCursor}`)).body;
    }
    assert.ok(total > 55);
    assert.is(seen.length, total);
    assert.is(new Set(seen).size, total);
  });

  test.run();
}
