/**
 * Urgent and overdue referrals in the inbox, on SQLite and PostgreSQL, over HTTP with a manual
 * clock: the filters and the order the triage team reads in (urgent, then overdue, then the next
 * deadline) as days pass, a DoLS urgent authorisation that ends, a referral closed; the urgency
 * and deadlines of submissions stored before they were kept, and after portal.json's rules
 * change, worked out again at start.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { App } from '../../server/index.ts';
import { manualClock, DAY } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { enrolledStaff, staffMembersOf } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixtures = new Map(loadForms().map((fixture) => [fixture.definition.id, fixture]));
const formsDir = fileURLToPath(new URL('../../forms', import.meta.url));

interface Listed {
  reference: string;
  urgent?: true;
  deadline?: { label: string; at: number; overdue: boolean };
}

for (const database of await testDatabases()) {
  const test = suite(`Urgent and overdue referrals in the inbox on ${database.name}`);
  const it = database.skip ? test.skip : test;
  // Tuesday 24 November 2026, 09:00 in London: the day the answer sets are written for.
  const clock = manualClock();
  const start = clock.now();
  let app: App;
  let baseUrl = '';
  let dataDir = '';
  let databaseUrl = '';
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let members: StaffMembers;
  let referrer: Client;
  let count = 0;
  const sent: Record<string, { id: string; reference: string }> = {};

  async function send(name: string, formId: string, changes: Record<string, unknown> = {}): Promise<void> {
    const fixture = fixtures.get(formId)!;
    const response = await referrer.post('/api/submissions', {
      formId,
      formVersion: fixture.definition.version,
      answers: { ...fixture.answers, ...changes },
      idempotencyKey: randomUUID(),
    });
    assert.is(response.status, 201, JSON.stringify(response.body));
    sent[name] = response.body.submission;
    clock.advance(60_000);
  }
  /** A member of staff signed in now (sessions end after 20 minutes idle, and these tests move days). */
  const staffNow = async () =>
    (await enrolledStaff(baseUrl, members, () => clock.now(), `desk${++count}.${database.name}@sefton.gov.uk`)).as;
  const nameOf = new Map<string, string>();
  /** The inbox as asked, as the names of the referrals sent here (others are left out). */
  async function listed(as: Client, query: string): Promise<string[]> {
    const page = await as.get(`/api/staff/inbox?${query}`);
    assert.is(page.status, 200, JSON.stringify(page.body));
    return (page.body.items as Listed[]).flatMap((item) => nameOf.get(item.reference) ?? []);
  }
  async function item(as: Client, name: string): Promise<Listed> {
    const page = await as.get(`/api/staff/inbox?q=${sent[name]!.reference}`);
    return page.body.items[0];
  }

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    databaseUrl = (await database.create()).databaseUrl ?? '';
    ({ app, baseUrl, dataDir } = await startTestApp(
      { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, RATE_LIMIT_SCALE: '100' },
      { clock },
    ));
    members = await staffMembersOf(app, dataDir, clock);
    referrer = await registerOverApi(baseUrl, smtp, `deadlines.${database.name.toLowerCase()}@example.org`);
    // Urgent authorisation granted 23 November 16:45 for 7 days, extension asked for 7 more.
    await send('dols urgent', 'dols-form-1');
    await send('dols standard', 'dols-form-1', { requestType: 'standard-only' });
    await send('care urgent', 'social-care-referral', { urgency: 'urgent' });
    await send('care routine', 'social-care-referral', { urgency: 'routine' });
    await send('form 2', 'dols-form-2'); // the current authorisation ends on 18 December
    for (const [name, { reference }] of Object.entries(sent)) nameOf.set(reference, name);
  });

  it('should list the urgent ones, and put them first with the next deadline soonest', async () => {
    const as = await staffNow();
    assert.equal(await listed(as, 'urgent=yes'), ['care urgent', 'dols urgent']);
    assert.equal(await listed(as, 'overdue=yes'), []);
    assert.equal(await listed(as, 'sort=deadline'), [
      'care urgent', // screening due 13:00 today, four working hours after it came
      'dols urgent', // the urgent authorisation ends on 30 November at 16:45
      'care routine', // screening due in 40 working hours: 1 December
      'dols standard', // to be decided within 21 days: 15 December
      'form 2', // 18 December
    ]);
    const dols = await item(as, 'dols urgent');
    assert.is(dols.urgent, true);
    assert.is(dols.deadline?.label, 'Urgent authorisation ends');
    assert.is(dols.deadline?.at, Date.UTC(2026, 10, 30, 16, 45));
  });

  it('should keep an urgent referral first once its deadline has passed, as urgent and overdue', async () => {
    clock.advance(DAY); // Wednesday 25 November, 09:00
    const as = await staffNow();
    assert.equal(await listed(as, 'overdue=yes'), ['care urgent']);
    assert.equal(await listed(as, 'urgent=yes&overdue=yes'), ['care urgent']);
    assert.equal((await listed(as, 'sort=deadline')).slice(0, 2), ['care urgent', 'dols urgent']);
    const audit = await app.db('audit_log').where({ event: 'staff-inbox' }).orderBy('id', 'desc').first();
    assert.equal(JSON.parse(audit.detail).sort, 'deadline', 'the audit log says how the list was sorted');
  });

  it('should take a referral out of the urgent and overdue lists once it is closed, and sort it last', async () => {
    const as = await staffNow();
    const closed = await as.post(`/api/staff/submissions/${sent['care urgent']!.id}/status`, {
      status: 'closed',
      outcome: 'no-further-action',
    });
    assert.is(closed.status, 204, JSON.stringify(closed.body));
    assert.equal(await listed(as, 'urgent=yes'), ['dols urgent']);
    assert.equal(await listed(as, 'overdue=yes'), []);
    assert.is((await listed(as, 'sort=deadline')).at(-1), 'care urgent');
  });

  it('should end a DoLS urgent authorisation when it and its extension have ended', async () => {
    clock.advance(Date.UTC(2026, 11, 7, 17) - clock.now()); // Monday 7 December 17:00: the extension ended at 16:45
    const as = await staffNow();
    assert.equal(await listed(as, 'urgent=yes'), []);
    const dols = await item(as, 'dols urgent');
    assert.is(dols.urgent, undefined);
    assert.equal(dols.deadline && [dols.deadline.label, dols.deadline.overdue], [
      'Standard request to be decided by',
      false,
    ]);
    assert.equal(await listed(as, 'overdue=yes'), ['care routine']);
    assert.equal(await listed(as, 'sort=deadline'), [
      'care routine',
      'dols urgent',
      'dols standard',
      'form 2',
      'care urgent',
    ]);
  });

  it('should refuse a page cursor from another order, saying to start again', async () => {
    const as = await staffNow();
    const cursor = Buffer.from(JSON.stringify([start, randomUUID()])).toString('base64url');
    const refused = await as.get(`/api/staff/inbox?sort=deadline&cursor=${cursor}`);
    assert.is(refused.status, 400);
    assert.match(refused.body.error.message, /go back to the first page/);
    const unknown = await as.get('/api/staff/inbox?sort=soonest');
    assert.is(unknown.status, 400);
    assert.is(unknown.body.error.message, 'The parameter "sort" must be one of: newest, deadline.');
  });

  it('should work out again the deadlines of submissions from before they were kept, by rules changed since, at start or when opened again', async () => {
    // As stored before deadlines were kept: nothing beside the answers.
    const ids = Object.values(sent).map((s) => s.id);
    await app.db('submission_deadlines').whereIn('submission_id', ids).delete();
    await app
      .db('submissions')
      .whereIn('id', ids)
      .update({ urgent_when: null, urgent_ends_at: null, last_deadline_at: null, deadlines_key: null });
    const before = await staffNow();
    assert.equal(await listed(before, 'overdue=yes'), [], 'nothing to go on');

    // And the council's rules changed: routine screening within 200 working hours.
    const changed = await mkdtemp(join(tmpdir(), 'asc-forms-rules-'));
    closeAtEnd(() => rm(changed, { recursive: true, force: true }));
    await cp(formsDir, changed, { recursive: true });
    const portal = JSON.parse(await readFile(join(changed, 'portal.json'), 'utf8'));
    const routine = portal.triage['social-care-referral'].deadlines.find(
      (rule: { when?: { equals?: string } }) => rule.when?.equals === 'routine',
    );
    routine.afterReceived.workingHours = 200;
    await writeFile(join(changed, 'portal.json'), JSON.stringify(portal));
    const restarted = await startTestApp(
      { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, DATA_DIR: dataDir, FORMS_DIR: changed },
      { clock },
    );
    baseUrl = restarted.baseUrl;
    const as = await staffNow();
    assert.equal(await listed(as, 'overdue=yes'), [], 'routine screening is not due yet by the new rules');
    const routineNow = await item(as, 'care routine');
    assert.ok(routineNow.deadline && routineNow.deadline.at > clock.now() + 5 * DAY, 'due weeks after it came');
    assert.equal(await listed(as, 'sort=deadline'), [
      'dols urgent',
      'dols standard',
      'form 2',
      'care routine',
      'care urgent',
    ]);
    const closed = await app.db('submissions').where({ id: sent['care urgent']!.id }).first();
    assert.is(closed.deadlines_key, null, 'a closed referral is left alone');
    const reopened = await as.post(`/api/staff/submissions/${sent['care urgent']!.id}/status`, { status: 'screening' });
    assert.is(reopened.status, 204, JSON.stringify(reopened.body));
    assert.equal(await listed(as, 'urgent=yes'), ['care urgent'], 'opened again, it is urgent by its answers');
    assert.equal((await item(as, 'care urgent')).deadline?.overdue, true);
  });

  test.run();
}
