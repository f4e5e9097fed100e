/**
 * The triage clock as the staff inbox reads it: the council's forms and portal.json loaded as the
 * server loads them, a submission's urgency and deadlines by the form version it was sent on, on
 * the server's clock (a manual one here).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFormCatalogue, type FormCatalogue } from '../../server/services/form-catalogue.ts';
import { findDefinitionFiles } from '../../server/services/definition-files.ts';
import { createTriageClock } from '../../server/services/triage/index.ts';
import { manualClock, DAY } from '../../server/services/clock.ts';
import { loadForms } from '../fixtures/forms.ts';

const formsDir = fileURLToPath(new URL('../../forms', import.meta.url));
const fixtures = new Map(loadForms().map((fixture) => [fixture.definition.id, fixture]));
const test = suite('the triage clock on the server');

let buildDir = '';
let catalogue: FormCatalogue;

test.before(async () => {
  // The catalogue reads only where each version's validators are from the build's manifest.
  buildDir = await mkdtemp(join(tmpdir(), 'asc-forms-triage-'));
  const validators: Record<string, string> = {};
  for (const file of await findDefinitionFiles(formsDir)) {
    const { status } = JSON.parse(await readFile(file, 'utf8'));
    if (status !== 'draft') validators[`${basename(dirname(file))}@${basename(file, '.json').slice(1)}`] = '/v.js';
  }
  const manifest = { app: { js: '/a.js', css: '/a.css' }, embed: '/e.js', staff: '/s.js', validators };
  await writeFile(join(buildDir, 'manifest.json'), JSON.stringify(manifest));
  catalogue = await loadFormCatalogue(formsDir, buildDir, manualClock());
});

test.after(() => rm(buildDir, { recursive: true, force: true }));

test('should give a submission its deadlines by portal.json, counted from the server clock', () => {
  // Tuesday 24 November 2026, 10:30 in London (GMT).
  const submittedAt = Date.UTC(2026, 10, 24, 10, 30);
  const clock = manualClock(submittedAt);
  const triage = createTriageClock(catalogue, clock);
  const subject = {
    formId: 'social-care-referral',
    formVersion: 2,
    answers: fixtures.get('social-care-referral')!.answers,
    submittedAt,
  };
  const fresh = triage.of(subject)!;
  assert.is(fresh.urgent, true);
  assert.equal(
    fresh.deadlines.map((d) => [d.label, new Date(d.at).toISOString()]),
    [['Screening due', '2026-11-24T14:30:00.000Z']],
  );
  assert.is(fresh.overdue, false);
  clock.advance(DAY);
  assert.is(triage.of(subject)!.overdue, true);
  assert.is(triage.of(subject, submittedAt)!.overdue, false);
});

test('should read a submission on a retired version by that version, and know no version the portal lacks', () => {
  const triage = createTriageClock(catalogue, manualClock(Date.UTC(2026, 10, 25, 9)));
  const answers = fixtures.get('dols-form-2')!.answers;
  const submittedAt = Date.UTC(2026, 10, 24, 10, 30);
  const onRetired = triage.of({ formId: 'dols-form-2', formVersion: 1, answers, submittedAt })!;
  assert.equal(
    onRetired.deadlines.map((d) => d.label),
    ['Current authorisation ends'],
  );
  assert.is(triage.of({ formId: 'dols-form-2', formVersion: 99, answers, submittedAt }), null);
  assert.is(triage.of({ formId: 'no-such-form', formVersion: 1, answers, submittedAt }), null);
});

test('should give the calendar of portal.json: Sefton closes at 16:00 on Fridays and on Boxing Day’s substitute', () => {
  const { calendar } = createTriageClock(catalogue, manualClock());
  assert.is(calendar.timeZone, 'Europe/London');
  assert.equal(calendar.week.friday, { opens: '09:00', closes: '16:00' });
  assert.equal(calendar.week.saturday, undefined);
  assert.ok(calendar.bankHolidays.includes('2026-12-28'));
});

test('should refuse at start rules that name a question the published form lacks, saying where to look', () => {
  const triage = { 'dols-form-2': { deadlines: [{ label: 'Ends', date: { question: 'authorisationEnds' } }] } };
  const broken = { ...catalogue, portal: { ...catalogue.portal, triage } };
  assert.throws(
    () => createTriageClock(broken, manualClock()),
    (error: Error) =>
      error.message.includes('npm run validate-forms') &&
      error.message.includes('/triage/dols-form-2/deadlines/0/date/question') &&
      error.message.includes('has no question "authorisationEnds"'),
  );
});

test('should start with rules for a form this portal does not serve, which wait unused', () => {
  const triage = {
    ...catalogue.portal.triage,
    'withdrawn-form': { deadlines: [{ label: 'Due', afterReceived: { days: 3 } }] },
  };
  const withdrawn = { ...catalogue, portal: { ...catalogue.portal, triage } } as typeof catalogue;
  assert.ok(createTriageClock(withdrawn, manualClock()).calendar);
});

test.run();
