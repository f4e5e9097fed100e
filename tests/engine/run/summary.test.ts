import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, type Answers } from '../../../engine/index.ts';
import { SENSITIVE_PLACEHOLDER } from '../../../engine/run/display.ts';
import { everyType, everyTypeAnswers, TODAY } from '../../fixtures/every-type.ts';

const form = compileForm(everyType);
const opts = { today: TODAY };
const summary = form.summary(everyTypeAnswers as Answers, opts);
const row = (key: string) =>
  summary.flatMap((page) => page.rows).find((r) => (key.includes('.') ? r.path === key : r.questionId === key));

const tests = suite('Form.summary');

tests('should list visible pages with answers, in order, without the check-answers page', () => {
  assert.equal(
    summary.map((page) => page.pageId),
    ['about-you', 'the-person', 'needs', 'urgent', 'consultation'],
  );
});

tests('should show each answer as a person reads it', () => {
  assert.equal(row('isProfessional')?.lines, ['Yes']);
  assert.equal(row('personDob')?.lines, ['7 March 1948']);
  assert.equal(row('personNhs')?.lines, ['943 476 5919']);
  assert.equal(row('yourPhone')?.lines, ['0151 934 3555']);
  assert.equal(row('personAddress')?.lines, ['1 Example Street', 'Bootle', 'L20 3NJ']);
  assert.equal(row('gender')?.lines, ['In another way']);
  assert.equal(row('language')?.lines, ['Polish']);
  assert.equal(row('difficulties')?.lines, ['Stairs', 'Bathing']);
  assert.equal(row('falls')?.lines, ['2 falls']);
  assert.equal(row('expiresOn')?.lines, ['27 November 2026']);
  assert.equal(row('declaration')?.lines, ['Confirmed']);
  assert.equal(row('contactTime')?.lines, ['09:30']);
});

tests(
  'should send Change to the box to correct: an address to its first line, a computed date to the date it starts from',
  () => {
    assert.is(row('personAddress')?.path, 'personAddress.line1');
    assert.is(row('expiresOn')?.path, 'grantedOn');
    assert.is(row('personDob')?.path, 'personDob');
  },
);

tests('should never show a sensitive answer, except in the staff view that asks for it', () => {
  assert.equal(row('keySafeCode')?.lines, [SENSITIVE_PLACEHOLDER]);
  assert.not.ok(JSON.stringify(summary).includes('1234'));
  const staff = form.summary(everyTypeAnswers as Answers, { ...opts, showSensitive: true });
  assert.equal(staff.flatMap((p) => p.rows).find((r) => r.path === 'keySafeCode')?.lines, ['1234']);
});

tests('should show each group item with its visible answers, and link Change to it', () => {
  assert.equal(row('consultees.0'), {
    questionId: 'consultees',
    path: 'consultees.0',
    label: 'Person 1',
    lines: [
      'Name: Jo Bloggs',
      'Relationship: Other',
      'Other relationship: Neighbour',
      'Address: 2 Example Street, Bootle, L20 3NJ',
    ],
  });
});

tests('should leave out hidden and unanswered questions unless asked to list unanswered ones', () => {
  const partial = form.summary({ isProfessional: 'no', yourName: 'Sam' }, opts);
  assert.equal(
    partial.map((page) => page.rows.map((r) => r.path)),
    [['isProfessional', 'yourName']],
  );
  const withGaps = form.summary({ isProfessional: 'no' }, { ...opts, includeUnanswered: true });
  assert.equal(
    withGaps[0]!.rows.map((r) => [r.path, r.lines.length]),
    [
      ['isProfessional', 1],
      ['whyNot', 0],
      ['yourName', 0],
      ['yourEmail', 0],
      ['yourPhone', 0],
    ],
  );
});

tests('should keep the lines of long text', () => {
  const text = form.summary({ ...everyTypeAnswers, stairsDetail: 'First line\r\nSecond line' } as Answers, opts);
  assert.equal(text.flatMap((p) => p.rows).find((r) => r.path === 'stairsDetail')?.lines, [
    'First line',
    'Second line',
  ]);
});

tests.run();
