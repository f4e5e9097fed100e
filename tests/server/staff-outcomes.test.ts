/**
 * The council's own closing outcomes (portal.json's outcomes) over HTTP, on SQLite and PostgreSQL:
 * staff close with one the council offers, and the referral, its history and the exports name it
 * in the council's words; a retired or unknown code is refused, saying what to choose; referrals
 * closed before the council changed its list still read as they were. And the server will not
 * start without outcomes to close with.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Outcome } from '../../engine/index.ts';
import { manualClock, HOUR, systemClock } from '../../server/services/clock.ts';
import { loadFormCatalogue } from '../../server/services/form-catalogue.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { referredOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { enrolledStaff, staffMembersOf } from '../support/staff.ts';
import type { StaffMembers } from '../../server/services/staff/members.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
const formsDir = fileURLToPath(new URL('../../forms/', import.meta.url));

/** The council's forms with portal.json's outcomes as given (left out when undefined). */
async function formsWithOutcomes(outcomes: Outcome[] | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-outcomes-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  await cp(formsDir, dir, { recursive: true });
  const portal = JSON.parse(await readFile(join(dir, 'portal.json'), 'utf8'));
  await writeFile(join(dir, 'portal.json'), JSON.stringify({ ...portal, outcomes }));
  return dir;
}

/**
 * The council's list after a review: a new outcome, one relabelled, "no further action" retired,
 * and "not for adult social care" taken out altogether (against the advice to retire it).
 */
const REVIEWED: Outcome[] = [
  { code: 'signposted', label: 'Signposted to community support' },
  { code: 'passed-to-team', label: 'Passed to the locality team' },
  { code: 'no-further-action', label: 'No further action: advice given', retired: true },
];
const CHOOSE = 'Choose one of the outcomes: ‘Signposted to community support’, ‘Passed to the locality team’';

for (const database of await testDatabases()) {
  const test = suite(`The council's own outcomes on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock(Date.now());
  let baseUrl = '';
  let dataDir = '';
  let databaseUrl = '';
  let members: StaffMembers;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let count = 0;
  const now = () => clock.now();
  const staffEmail = () => `outcomes${++count}.${database.name.toLowerCase()}@sefton.gov.uk`;

  /** A referral sent by a new referrer; its id and reference. */
  async function referred(): Promise<{ id: string; reference: string }> {
    return referredOverApi(baseUrl, smtp, `outcomes${++count}.${database.name.toLowerCase()}@example.org`, {
      formId: fixture.definition.id,
      formVersion: fixture.definition.version,
      answers: fixture.answers,
    });
  }
  const close = (as: Client, id: string, outcome: string) =>
    as.post(`/api/staff/submissions/${id}/status`, { status: 'closed', outcome });
  /** The CSV export's Outcome cell for the referral with this reference. */
  const csvOutcome = async (as: Client, reference: string) => {
    const text = await fetch(`${baseUrl}/api/staff/inbox.csv?q=${reference}`, {
      headers: { cookie: [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    }).then((r) => r.text());
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    const cells = (line: string) => JSON.parse(`[${line}]`) as string[];
    return cells(row!)[cells(header!).indexOf('Outcome')];
  };

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    databaseUrl = (await database.create()).databaseUrl ?? '';
    const started = await startTestApp({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url }, { clock });
    ({ baseUrl, dataDir } = started);
    members = await staffMembersOf(started.app, dataDir, clock);
  });
  test.before.each(() => clock.advance(HOUR));

  it("should close with the council's own outcomes, refuse a retired or unknown one, and still name those closed before", async () => {
    // Closed under Sefton's outcomes as they stand in forms/portal.json.
    const retired = await referred();
    const removed = await referred();
    let { as } = await enrolledStaff(baseUrl, members, now, staffEmail());
    assert.is((await close(as, retired.id, 'no-further-action')).status, 204);
    assert.is((await close(as, removed.id, 'not-for-adult-social-care')).status, 204);
    assert.is(await csvOutcome(as, removed.reference), 'Not for adult social care');

    // The council reviews its outcomes, and the server starts again on the same database.
    ({ baseUrl } = await startTestApp(
      {
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtp.url,
        DATA_DIR: dataDir,
        FORMS_DIR: await formsWithOutcomes(REVIEWED),
      },
      { clock },
    ));
    ({ as } = await enrolledStaff(baseUrl, members, now, staffEmail()));
    const fresh = await referred();
    const opened = (await as.get(`/api/staff/submissions/${fresh.id}`)).body;
    assert.equal(opened.outcomes, REVIEWED, 'the council’s list, in its order, the retired one marked');

    const signposted = await close(as, fresh.id, 'signposted');
    assert.is(signposted.status, 204, JSON.stringify(signposted.body));
    const closed = (await as.get(`/api/staff/submissions/${fresh.id}`)).body.submission;
    assert.is(closed.outcome, 'signposted');
    assert.is(closed.history.at(-1).outcome, 'signposted');
    assert.is(await csvOutcome(as, fresh.reference), 'Signposted to community support');
    const json = (await as.get(`/api/staff/inbox.json?q=${fresh.reference}`)).body;
    assert.equal(
      json.items.map((i: { outcome: string; outcomeLabel: string }) => [i.outcome, i.outcomeLabel]),
      [['signposted', 'Signposted to community support']],
    );

    const open = await referred();
    for (const [outcome, message] of [
      ['no-further-action', `‘No further action: advice given’ is no longer used to close referrals. ${CHOOSE}`],
      ['not-for-adult-social-care', `There is no outcome ‘not-for-adult-social-care’. ${CHOOSE}`],
      ['lost', `There is no outcome ‘lost’. ${CHOOSE}`],
    ]) {
      const refused = await close(as, open.id, outcome!);
      assert.is(refused.status, 400, outcome);
      assert.equal(refused.body.error.fields, [{ field: 'outcome', message }], outcome);
    }
    assert.is((await as.get(`/api/staff/submissions/${open.id}`)).body.submission.status, 'new', 'nothing changed');

    // Closed before the review: the retired code keeps its (new) label, the removed one shows as it is.
    const before = (await as.get(`/api/staff/submissions/${retired.id}`)).body;
    assert.is(before.submission.outcome, 'no-further-action');
    assert.is(before.submission.history.at(-1).outcome, 'no-further-action');
    assert.is(
      before.outcomes.find((o: Outcome) => o.code === 'no-further-action').label,
      'No further action: advice given',
    );
    assert.is(await csvOutcome(as, retired.reference), 'No further action: advice given');
    assert.is(await csvOutcome(as, removed.reference), 'not-for-adult-social-care');
    assert.is((await as.get(`/api/staff/submissions/${removed.id}`)).status, 200);
  });

  it('should describe the outcome to close with as a code the opened submission lists, in /api/openapi.json', async () => {
    const document = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
    const status = document.paths['/api/staff/submissions/{submissionId}/status'].post;
    const outcome = status.requestBody.content['application/json'].schema.properties.outcome;
    assert.is(outcome.type, 'string');
    assert.is(outcome.enum, undefined, 'no fixed list: each council has its own');
    assert.match(outcome.description, 'GET /api/staff/submissions/{submissionId}');
    const opened = document.paths['/api/staff/submissions/{submissionId}'].get.responses[200];
    const body = opened.content['application/json'].schema;
    assert.equal(body.properties.outcomes.items.required, ['code', 'label']);
    assert.is(document.components.schemas.InboxItem.properties.outcome.type, 'string');
  });

  test.run();
}

const starting = suite('The server and portal.json’s outcomes');

starting('should not start without outcomes to close a referral with, saying what to add', async () => {
  const buildDir = await sharedBuild();
  const failure = async (outcomes: Outcome[] | undefined) =>
    (
      (await loadFormCatalogue(await formsWithOutcomes(outcomes), buildDir, systemClock).catch(
        (error: Error) => error,
      )) as Error
    ).message ?? '';
  assert.match(await failure(undefined), /portal\.json's outcomes are not as they should be/);
  assert.match(
    await failure(undefined),
    '/outcomes  Add "outcomes": the outcomes the triage team closes a referral with',
  );
  assert.match(
    await failure([{ code: 'passed-to-team', label: 'Passed to a team', retired: true }]),
    'Every outcome is retired, so a referral could not be closed',
  );
  assert.match(
    await failure([
      { code: 'passed-to-team', label: 'Passed to a team' },
      { code: 'passed-to-team', label: 'Passed on' },
    ]),
    '/outcomes/1/code  The code "passed-to-team" is already that of outcome 1',
  );
  // What the schema refuses in validate-forms, refused at start too: the server reads no schema.
  const sloppy = [
    { code: 'Passed To Team', label: 'Passed to a team' },
    { code: 'closed-elsewhere' },
    { code: 'signposted', label: 'Signposted', retired: 'yes' },
  ] as unknown as Outcome[];
  const said = await failure(sloppy);
  assert.match(said, '/outcomes/0/code  Write the code in small letters and digits');
  assert.match(said, "/outcomes/1/label  Write the outcome's label");
  assert.match(said, '/outcomes/2/retired  Write "retired": true to stop offering this outcome');
  const catalogue = await loadFormCatalogue(await formsWithOutcomes(REVIEWED), buildDir, systemClock);
  assert.equal(catalogue.portal.outcomes, REVIEWED);
});

starting.run();
