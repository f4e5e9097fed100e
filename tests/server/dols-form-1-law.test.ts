/**
 * The law in DoLS Form 1, held on the server whatever the page let through: over HTTP on SQLite
 * and PostgreSQL, a submission of the newest version that breaks a rule is refused with a 400
 * whose field problem names the box to put right and says how.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { manualClock } from '../../server/services/clock.ts';
import { testDatabases } from '../support/databases.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadForms } from '../fixtures/forms.ts';

// The answer set is written for 24 November 2026, the day the manual clock starts on.
const { definition, answers: complete } = loadForms().find((f) => f.definition.id === 'dols-form-1')!;

/** Each rule of the law, broken by changing a few answers: the box it names, and words its message must hold. */
const BROKEN: Array<{ rule: string; changes: Record<string, unknown>; field: string; says: RegExp }> = [
  {
    rule: 'a person under 18 (born 16 years ago)',
    changes: { personDateOfBirth: '2010-11-24' },
    field: 'personDateOfBirth',
    says: /apply only to people aged 18 or over.*Check the date of birth, or call Sefton Council on 0345 140 0845/,
  },
  {
    rule: 'an urgent authorisation that ended yesterday (granted on 16 November for 7 days)',
    changes: { urgentDateGranted: '2026-11-16', urgentDays: 7, extensionDate: '2026-11-20' },
    field: 'urgentDateGranted',
    says: /urgent authorisation has already ended: it must still be in force/,
  },
  {
    rule: 'an extension asked for after the urgent authorisation ended',
    changes: { urgentDateGranted: '2026-11-16', urgentDays: 7, extensionDate: '2026-11-24' },
    field: 'extensionDate',
    says: /on or before the date the urgent authorisation ends: it can be extended only while it is in force/,
  },
  {
    rule: 'an urgent authorisation covering the end of a standard authorisation still in force (ending today)',
    changes: {
      hasExistingAuthorisation: 'yes',
      existingAuthorisationHere: 'yes',
      existingAuthorisationExpiry: '2026-11-24',
    },
    field: 'existingAuthorisationExpiry',
    says: /cannot be used to cover the end of a standard authorisation that is still in force\. Use DoLS Form 2/,
  },
  {
    rule: 'nobody to consult and no IMCA statement',
    changes: { consultees: undefined, imcaNeeded: undefined },
    field: 'imcaNeeded',
    says: /Add a person to consult, or confirm that there is nobody to consult/,
  },
];

function changed(changes: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = structuredClone(complete);
  for (const [id, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  return answers;
}

for (const database of await testDatabases()) {
  const test = suite(`DoLS Form 1's rules on submitting, on ${database.name}`);
  const it = database.skip ? test.skip : test;
  let baseUrl = '';
  let as: Client;

  test.before(async () => {
    if (database.skip) return;
    const smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { databaseUrl } = await database.create();
    ({ baseUrl } = await startTestApp(
      { DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url, RATE_LIMIT_SCALE: '100' },
      { clock: manualClock() },
    ));
    as = await registerOverApi(baseUrl, smtp, `law.${database.name.toLowerCase()}@example.org`);
  });

  const submit = (answers: Record<string, unknown>) =>
    as.post('/api/submissions', {
      formId: definition.id,
      formVersion: definition.version,
      answers,
      idempotencyKey: randomUUID(),
    });

  for (const { rule, changes, field, says } of BROKEN) {
    it(`should refuse ${rule}, saying what to fix at "${field}"`, async () => {
      const response = await submit(changed(changes));
      assert.is(response.status, 400, JSON.stringify(response.body));
      const problem = (response.body.error.fields as Array<{ field: string; message: string }>).find(
        (f) => f.field === field,
      );
      assert.ok(problem, `no problem at ${field}: ${JSON.stringify(response.body.error.fields)}`);
      assert.match(problem!.message, says);
    });
  }

  it('should accept the same answers kept within the law: 18 today, an urgent authorisation ending today, an existing one ended yesterday, the IMCA statement instead of people to consult', async () => {
    const response = await submit(
      changed({
        personDateOfBirth: '2008-11-24',
        urgentDateGranted: '2026-11-17',
        urgentDays: 7,
        extensionDate: '2026-11-24',
        existingAuthorisationExpiry: '2026-11-23',
        consultees: undefined,
        imcaNeeded: true,
      }),
    );
    assert.is(response.status, 201, JSON.stringify(response.body));
  });

  it('should accept an urgent authorisation where the standard authorisation still in force is for another care home or hospital', async () => {
    const response = await submit(
      changed({
        hasExistingAuthorisation: 'yes',
        existingAuthorisationHere: 'no',
        existingAuthorisationExpiry: '2027-01-31',
      }),
    );
    assert.is(response.status, 201, JSON.stringify(response.body));
  });

  test.run();
}
