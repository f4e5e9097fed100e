/**
 * The audit log as a staff administrator reads it over HTTP, on SQLite and PostgreSQL: filtered by
 * a referral's reference, an event, who, and dates on the council's clock; a page at a time; as
 * CSV a spreadsheet cannot run and as JSON; refused to staff who are not administrators; every
 * read written to the log itself.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { App } from '../../server/index.ts';
import { manualClock, DAY, HOUR } from '../../server/services/clock.ts';
import { todayIn } from '../../engine/index.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { referredOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { enrolledStaff, staffMembersOf, type EnrolledStaff } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
type Entry = {
  id: number;
  at: number;
  who: { kind: string; id?: string; name: string };
  event: string;
  eventLabel: string;
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown>;
};

for (const database of await testDatabases()) {
  const test = suite(`The audit log for staff administrators on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock(Date.parse('2026-03-10T12:00:00Z'));
  let app: App;
  let baseUrl = '';
  let members: StaffMembers;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  const now = () => clock.now();
  const staffEmail = () => `audit${++count}.${database.name.toLowerCase()}@sefton.gov.uk`;
  const staff = (admin = false): Promise<EnrolledStaff> =>
    enrolledStaff(baseUrl, members, now, staffEmail(), { admin });
  const cookie = (as: Client) => [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ');

  async function referred(): Promise<{ as: Client; email: string; id: string; reference: string }> {
    return referredOverApi(baseUrl, smtp, `referrer${++count}.${database.name.toLowerCase()}@example.org`, {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: fixture.answers,
    });
  }
  const read = async (as: Client, query: string): Promise<{ entries: Entry[]; nextCursor?: string }> => {
    const page = await as.get(`/api/staff/audit?${query}`);
    assert.is(page.status, 200, JSON.stringify(page.body));
    return page.body;
  };

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const databaseUrl = (await database.create()).databaseUrl ?? '';
    const started = await startTestApp({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url }, { clock });
    ({ app, baseUrl } = started);
    members = await staffMembersOf(app, started.dataDir, clock);
  });
  test.before.each(() => clock.advance(HOUR));

  it('should show an administrator who opened a referral, found by its reference, the newest first, and log the reading', async () => {
    const { id, reference } = await referred();
    const priya = await staff();
    const admin = await staff(true);
    const priyaId = (await priya.as.get('/api/staff/members')).body.me as string;
    const adminId = (await admin.as.get('/api/staff/members')).body.me as string;
    await priya.as.get(`/api/staff/submissions/${id}`);
    clock.advance(60_000);
    await priya.as.post(`/api/staff/submissions/${id}/status`, { status: 'screening' });
    clock.advance(60_000);
    await admin.as.get(`/api/staff/submissions/${id}`);
    const other = await referred();
    await priya.as.get(`/api/staff/submissions/${other.id}`);

    const { entries, nextCursor } = await read(admin.as, `reference=${reference.toLowerCase()}`);
    assert.is(nextCursor, undefined);
    assert.equal(
      entries.map((e) => [e.event, e.who.id]),
      [
        ['staff-view', adminId],
        ['staff-status', priyaId],
        ['staff-view', priyaId],
      ],
      'the views and the change of that referral, the newest first, and nothing of the other',
    );
    const [latest, , first] = entries;
    assert.is(first!.eventLabel, 'Referral opened');
    assert.is(first!.outcome, 'success');
    assert.match(first!.ip ?? '', /127\.0\.0\.1/);
    assert.equal(first!.detail, { submissionId: id, reference });
    assert.ok(latest!.at > first!.at);
    assert.equal(first!.who, { kind: 'staff', id: priyaId, name: 'Priya Shah' });

    const logged = (await read(admin.as, 'event=staff-audit')).entries[0]!;
    assert.equal(logged.detail, { reference, shown: 3 }, 'the reading is itself in the log, with its filters');
    assert.is(logged.eventLabel, 'Audit log read');
  });

  it('should filter by event, by who (a member of staff or a referrer account) and by dates on the council clock', async () => {
    const { email } = await referred();
    const referrerId = (await app.db('users').where({ email }).first()).id as string;
    const priya = await staff();
    const admin = await staff(true);
    const priyaId = (await priya.as.get('/api/staff/members')).body.me as string;
    const today = todayIn(new Date(now()), 'Europe/London');

    const byReferrer = await read(admin.as, `who=${referrerId}`);
    assert.ok(byReferrer.entries.length > 0);
    for (const entry of byReferrer.entries)
      assert.equal(entry.who, { kind: 'referrer', id: referrerId, name: `referrer account ${referrerId}` });
    assert.ok(byReferrer.entries.some((e) => e.event === 'register'));

    const byPriya = await read(admin.as, `who=${priyaId}&event=staff-members`);
    assert.equal(
      byPriya.entries.map((e) => [e.who.name, e.event]),
      [['Priya Shah', 'staff-members']],
    );

    const onTheDay = await read(admin.as, `from=${today}&to=${today}&who=${priyaId}`);
    assert.ok(onTheDay.entries.some((e) => e.event === 'staff-members'));
    // A day on, every session has ended: the next day's work is by members signed in then.
    clock.advance(DAY);
    const tomorrow = todayIn(new Date(now()), 'Europe/London');
    const later = await staff(true);
    const laterId = (await later.as.get('/api/staff/members')).body.me as string;
    assert.equal(
      (await read(later.as, `from=${tomorrow}&who=${priyaId}`)).entries,
      [],
      'nothing of Priya from tomorrow',
    );
    assert.equal(
      (await read(later.as, `to=${today}&who=${priyaId}`)).entries.map((e) => e.id),
      onTheDay.entries.map((e) => e.id),
      'all of it up to today',
    );
    assert.equal(
      (await read(later.as, `to=${today}&who=${laterId}`)).entries,
      [],
      'nothing of a member set up tomorrow',
    );
    assert.ok((await read(later.as, `from=${tomorrow}&to=${tomorrow}&who=${laterId}`)).entries.length > 0);
  });

  it('should page the log 50 at a time, the newest first, each entry once', async () => {
    const priya = await staff();
    const admin = await staff(true);
    const priyaId = (await priya.as.get('/api/staff/members')).body.me as string;
    for (let i = 0; i < 55; i++) await priya.as.get('/api/staff/inbox');
    const first = await read(admin.as, `who=${priyaId}&event=staff-inbox`);
    assert.is(first.entries.length, 50);
    assert.ok(first.nextCursor);
    const second = await read(admin.as, `who=${priyaId}&event=staff-inbox&cursor=${first.nextCursor}`);
    assert.is(second.entries.length, 5);
    assert.is(second.nextCursor, undefined);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    assert.equal(
      ids,
      [...ids].sort((a, b) => b - a),
      'the newest first',
    );
    assert.is(new Set(ids).size, 55);
    const logged = await read(admin.as, 'event=staff-audit');
    assert.equal(
      logged.entries.slice(0, 2).map((e) => e.detail),
      [
        { event: 'staff-inbox', who: priyaId, shown: 5 },
        { event: 'staff-inbox', who: priyaId, shown: 50 },
      ],
      'each page read is logged',
    );
  });

  it('should refuse staff who are not administrators, saying who can, and log the refusal', async () => {
    const priya = await staff();
    const priyaId = (await priya.as.get('/api/staff/members')).body.me as string;
    for (const path of ['/api/staff/audit', '/api/staff/audit/export?format=json']) {
      const refused = await priya.as.get(path);
      assert.is(refused.status, 403);
      assert.match(refused.body.error.message, /Only a staff administrator can read the audit log/);
    }
    const admin = await staff(true);
    const refusals = (await read(admin.as, `who=${priyaId}`)).entries.filter((e) => e.outcome === 'refused');
    assert.equal(
      refusals.map((e) => e.event),
      ['staff-audit-export', 'staff-audit'],
    );
  });

  it('should export what the filters match as CSV a spreadsheet cannot run, and as JSON, and log each export', async () => {
    const admin = await staff(true);
    // No request writes a formula into the log today; one written straight to the table stands for any that might.
    await app.db('audit_log').insert({
      at: now(),
      event: 'staff-test-formula',
      outcome: 'failure',
      ip: '203.0.113.9',
      detail: JSON.stringify({ reason: '=HYPERLINK("http://evil.example","x")' }),
    });
    const response = await fetch(`${baseUrl}/api/staff/audit/export?format=csv&event=staff-test-formula`, {
      headers: { cookie: cookie(admin.as) },
    });
    assert.is(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition')!, /attachment; filename="audit-log.csv"/);
    assert.match(response.headers.get('cache-control')!, /no-store/);
    const lines = Buffer.from(await response.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    assert.is(lines[0], '"When","Who","Who (id)","Event","Event code","Outcome","IP address","Detail: reason"');
    assert.is(lines.length, 3, 'the header, one row, and the last line ending');
    assert.match(lines[1]!, /"Nobody signed in","","staff-test-formula","staff-test-formula","failure","203.0.113.9",/);
    assert.match(lines[1]!, /,"'=HYPERLINK\(""http:\/\/evil.example"",""x""\)"$/, 'the formula is made text');

    const json = await admin.as.get('/api/staff/audit/export?format=json&event=staff-test-formula');
    assert.is(json.status, 200);
    assert.equal(
      json.body.entries.map((e: Entry) => e.detail.reason),
      ['=HYPERLINK("http://evil.example","x")'],
    );
    const exports = (await read(admin.as, 'event=staff-audit-export')).entries;
    assert.equal(
      exports.slice(0, 2).map((e) => e.detail),
      [
        { event: 'staff-test-formula', format: 'json', exported: 1 },
        { event: 'staff-test-formula', format: 'csv', exported: 1 },
      ],
    );
  });

  it('should refuse filters that are not as they should be, saying what to fix', async () => {
    const admin = await staff(true);
    for (const query of ['from=2026-02-31', 'to=yesterday', 'reference=ASC-1', 'who=priya', 'cursor=nonsense', 'q=x'])
      assert.is((await admin.as.get(`/api/staff/audit?${query}`)).status, 400, query);
    const backwards = await admin.as.get('/api/staff/audit?from=2026-03-10&to=2026-03-01');
    assert.is(backwards.status, 400);
    assert.match(backwards.body.error.message, /put the earlier date first/);
    assert.match((await admin.as.get('/api/staff/audit?from=2026-02-31')).body.error.message, /not a real date/);
    assert.is((await admin.as.get('/api/staff/audit/export')).status, 400, 'a format is needed');
    assert.is((await admin.as.get('/api/staff/audit/export?format=xml')).status, 400);
  });

  test.run();
}
