/**
 * The referrer's answer to the triage team's question, over HTTP on SQLite and PostgreSQL, with a
 * real SMTP server: only their own referral, only while the council waits on a question, once,
 * within the length; sealed at rest; the referral back to screening marked "Answer received",
 * the answer in its history for staff, in the audit log without its words, and an email with the
 * reference and a link (nothing personal) to whoever has it, else the team's mailbox.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { manualClock, HOUR } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, referredOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { enrolledStaff, staffMembersOf, type EnrolledStaff } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
const QUESTION = 'Does the person know about this referral?';
/** Words nobody else writes, so a search of the database files finds any copy in clear. */
const canary = () => `Quillmarsh${randomBytes(4).toString('hex')}`;

for (const database of await testDatabases()) {
  const test = suite(`The referrer's answer on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock(Date.now());
  let app: App;
  let baseUrl = '';
  let dataDir = '';
  let members: StaffMembers;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  const team = `team.replies.${database.name.toLowerCase()}@sefton.gov.uk`;

  /** A referrer who sent one referral; its id and reference. */
  async function referred(): Promise<{ as: Client; email: string; id: string; reference: string }> {
    return referredOverApi(baseUrl, smtp, `answerer${++count}.${database.name.toLowerCase()}@example.org`, {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: fixture.answers,
    });
  }
  const triage = (): Promise<EnrolledStaff> =>
    enrolledStaff(
      baseUrl,
      members,
      () => clock.now(),
      `replies${++count}.${database.name.toLowerCase()}@sefton.gov.uk`,
    );
  const ask = async (member: EnrolledStaff, id: string) =>
    assert.is(
      (await member.as.post(`/api/staff/submissions/${id}/status`, { status: 'more-information', question: QUESTION }))
        .status,
      204,
    );
  const reply = (as: Client, id: string, text: string) => as.post(`/api/submissions/${id}/replies`, { text });
  /** The next mail to an address about this referral's answer (other referrals' mail to the team passes by). */
  const nextAbout = async (to: string, reference: string) => {
    for (;;) {
      const mail = await smtp.nextTo(to, 20_000);
      if (mail.subject === `Answer received on referral ${reference}`) return mail;
    }
  };

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    ({ app, baseUrl, dataDir } = await startTestApp(
      { DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url, TRIAGE_TEAM_EMAIL: team },
      { clock },
    ));
    members = await staffMembersOf(app, dataDir, clock);
  });
  test.before.each(() => clock.advance(HOUR));

  it('should refuse an answer while the council asks nothing, with 409 and what to do', async () => {
    const { as, id } = await referred();
    const refused = await reply(as, id, 'Yes, she knows.');
    assert.is(refused.status, 409);
    assert.is(refused.body.error.code, 'no-question');
    assert.match(refused.body.error.message, /not waiting for an answer/);
  });

  it("should answer another referrer's referral, and one that is not there, as not found", async () => {
    const { id } = await referred();
    const priya = await triage();
    await ask(priya, id);
    const other = await referred();
    for (const [as, target] of [
      [other.as, id],
      [other.as, randomUUID()],
      [other.as, 'not-an-id'],
    ] as const) {
      const refused = await reply(as, target, 'Not mine to answer.');
      assert.is(refused.status, 404, target);
      assert.match(refused.body.error.message, /only your own/);
    }
    assert.is((await reply(client(baseUrl), id, 'Nobody signed in.')).status, 401);
    assert.equal(await app.db('submission_replies').where({ submission_id: id }), []);
  });

  it('should refuse an empty answer, one too long, and one from another site, changing nothing', async () => {
    const { as, id } = await referred();
    await ask(await triage(), id);
    const tooLong = await reply(as, id, 'x'.repeat(5001));
    assert.is(tooLong.status, 400);
    assert.equal(tooLong.body.error.fields, [
      { field: 'answer', message: 'Your answer must be 5000 characters or fewer' },
    ]);
    const empty = await reply(as, id, '   ');
    assert.equal(empty.body.error.fields, [
      { field: 'answer', message: 'Enter your answer to the council’s question' },
    ]);
    const elsewhere = client(baseUrl, { origin: 'https://evil.example' }, as.jar);
    assert.is((await reply(elsewhere, id, 'From another site.')).status, 403);
    assert.is((await as.get(`/api/submissions/${id}`)).body.submission.question, QUESTION, 'still asked');
    assert.ok((await reply(as, id, 'x'.repeat(5000))).status === 204, 'the limit itself is taken');
  });

  it('should take the answer once, show it under the question, put the referral back to screening marked for staff, and tell the team', async () => {
    const { as, id, reference } = await referred();
    const priya = await triage();
    await ask(priya, id);
    const words = canary();
    const answer = `Yes: she knows, and her son ${words} will call you.`;
    assert.is((await reply(as, id, `  ${answer}\n`)).status, 204);

    const opened = (await as.get(`/api/submissions/${id}`)).body.submission;
    assert.is(opened.question, undefined, 'the question no longer asks');
    assert.equal(opened.answered, { question: QUESTION, answer, answeredAt: clock.now() });
    const listed = (await as.get('/api/submissions')).body.submissions.find((s: { id: string }) => s.id === id);
    assert.is(listed.answered.answer, answer);
    assert.is(listed.status, 'being-looked-at');
    const again = await reply(as, id, 'And once more.');
    assert.is(again.status, 409, 'answered once');

    const item = (await priya.as.get(`/api/staff/inbox?q=${reference}`)).body.items[0];
    assert.is(item.status, 'screening');
    assert.is(item.answerReceivedAt, clock.now());
    const staffView = (await priya.as.get(`/api/staff/submissions/${id}`)).body.submission;
    const last = staffView.history.at(-1);
    assert.equal([last.kind, last.status, last.text, last.by], ['reply', 'screening', answer, undefined]);

    await app.sendOutbox();
    const mail = await nextAbout(team, reference);
    assert.is(mail.subject, `Answer received on referral ${reference}`);
    assert.match(mail.text, new RegExp(`/staff/submissions/${id}`));
    assert.not.ok(`${mail.subject}${mail.text}${mail.html}`.includes(words), 'the answer is not in the email');

    const audit = await app.db('audit_log').where({ event: 'referrer-reply' }).orderBy('id');
    const row = audit.at(-1)!;
    assert.equal(JSON.parse(row.detail), { submissionId: id, reference });
    assert.not.ok(JSON.stringify(audit).includes(words), 'the audit log holds no answer');

    // Once staff move it on, it is news no longer.
    assert.is((await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'accepted' })).status, 204);
    assert.is((await priya.as.get(`/api/staff/inbox?q=${reference}`)).body.items[0].answerReceivedAt, undefined);

    const stored = await app.db('submission_replies').where({ submission_id: id }).first();
    assert.not.ok(String(stored.text).includes(words), 'sealed in its row');
    if (database.name === 'SQLite')
      for (const file of (await readdir(dataDir)).filter((f) => f.startsWith('asc-forms.sqlite')))
        assert.not.ok((await readFile(join(dataDir, file))).includes(words), `${file} holds the answer in clear`);
  });

  it('should list only the referrals whose answer is received with answered=yes, and export when each answer came', async () => {
    const answered = await referred();
    const waiting = await referred();
    const unasked = await referred();
    const priya = await triage();
    await ask(priya, answered.id);
    await ask(priya, waiting.id);
    assert.is((await reply(answered.as, answered.id, 'She knows.')).status, 204);
    const answeredAt = clock.now();
    clock.advance(60_000);

    const listed = (await priya.as.get('/api/staff/inbox?answered=yes')).body.items as Array<{
      id: string;
      answerReceivedAt?: number;
    }>;
    const ids = listed.map((item) => item.id);
    assert.ok(ids.includes(answered.id), 'the answered one is listed');
    assert.not.ok(ids.includes(waiting.id), 'not the one still waiting for its answer');
    assert.not.ok(ids.includes(unasked.id), 'nor one never asked');
    assert.ok(
      listed.every((item) => typeof item.answerReceivedAt === 'number'),
      'every one listed has its answer received',
    );
    const both = `answered=yes&q=${answered.reference}`;
    assert.is((await priya.as.get(`/api/staff/inbox?${both}`)).body.total, 1, 'with the other filters too');
    const logged = await app.db('audit_log').where({ event: 'staff-search' }).orderBy('id', 'desc').first();
    assert.equal(JSON.parse(logged.detail), { answered: true, searchBy: 'reference', shown: 1 });
    assert.is((await priya.as.get('/api/staff/inbox?answered=no')).status, 400);

    const cookie = [...priya.as.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csvOf = async (query: string) => {
      const response = await fetch(`${baseUrl}/api/staff/inbox.csv?${query}`, { headers: { cookie } });
      assert.is(response.status, 200);
      const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
      const column = header!.split(',').indexOf('"Answer received"');
      assert.ok(column > 0, `an "Answer received" column in ${header}`);
      return rows.filter(Boolean).map((row) => row.split('","')[column]!.replace(/"/g, ''));
    };
    assert.equal(await csvOf(both), [new Date(answeredAt).toISOString()], 'the date and time of the answer');
    assert.equal(await csvOf(`q=${waiting.reference}`), [''], 'empty for one without an answer');
    assert.equal(await csvOf(`answered=yes&q=${waiting.reference}`), [], 'the export filtered as the inbox is');
    const json = (await priya.as.get(`/api/staff/inbox.json?${both}`)).body.items;
    assert.equal(
      json.map((item: { id: string; answerReceivedAt?: number }) => [item.id, item.answerReceivedAt]),
      [[answered.id, answeredAt]],
    );
    const unanswered = (await priya.as.get(`/api/staff/inbox.json?q=${waiting.reference}`)).body.items[0];
    assert.is(unanswered.answerReceivedAt, undefined);
  });

  it('should tell the member the referral is assigned to, not the team, and ask again after an answer', async () => {
    const { as, id, reference } = await referred();
    const priya = await triage();
    const colleague = await triage();
    const colleagueId = (await colleague.as.get('/api/staff/members')).body.me;
    assert.is((await priya.as.post(`/api/staff/submissions/${id}/assign`, { assignee: colleagueId })).status, 204);
    await ask(priya, id);
    assert.is((await reply(as, id, 'She knows.')).status, 204);
    await app.sendOutbox();
    const colleagueEmail = (await app.db('staff').where({ id: colleagueId }).first()).email;
    assert.is((await nextAbout(colleagueEmail, reference)).subject, `Answer received on referral ${reference}`);

    // A second question asks again, and the answer to the first no longer shows.
    await ask(priya, id);
    const asked = (await as.get(`/api/submissions/${id}`)).body.submission;
    assert.equal([asked.question, asked.answered], [QUESTION, undefined]);
    assert.is((await reply(as, id, 'Her son too.')).status, 204);
    assert.is((await as.get(`/api/submissions/${id}`)).body.submission.answered.answer, 'Her son too.');
  });

  test.run();
}
