/**
 * Two things a definition can say that a date rule or `required` alone cannot: a rule on a
 * worked-out date (an authorisation's end must not be past), shown at the box it is worked out
 * from, and `requiredWhen`, mandatory only while a condition holds. Each is checked when the
 * definition is read, and holds page by page and for the whole form.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileForm, definitionProblems, type FormDefinition, type Answers } from '../../../engine/index.ts';
import { everyType, everyTypeAnswers, TODAY } from '../../fixtures/every-type.ts';

const opts = { today: TODAY };
type Item = Record<string, unknown>;
const edit = (change: (definition: FormDefinition) => void): FormDefinition => {
  const copy = structuredClone(everyType);
  change(copy);
  return copy;
};
const urgentPage = (d: FormDefinition) => d.pages[4]!.questions as unknown as Item[];
const aboutYou = (d: FormDefinition) => d.pages[1]!.questions as unknown as Item[];
const codes = (definition: unknown) => definitionProblems(definition).map((p) => `${p.code} ${p.pointer}`);
// Without the review date, which is kept within 7 days of the date granted these tests move.
const answers = (changes: Record<string, unknown>): Answers => ({
  ...structuredClone(everyTypeAnswers),
  reviewOn: undefined,
  ...changes,
});

const ENDED = 'The authorisation has ended: check the date granted and the days';
const withEndRule = edit((d) => {
  const questions = urgentPage(d);
  questions[2]!.rules = [{ notBefore: { today: true }, message: ENDED }];
  // A second worked-out date, from the first: its rule can only be put right through the days.
  questions.splice(3, 0, {
    id: 'extendedTo',
    type: 'computedDate',
    label: 'Extended to',
    compute: { date: 'expiresOn', addDaysFrom: 'durationDays' },
    rules: [{ notAfter: { today: true, offsetDays: 10 }, message: 'The extension must end within 10 days' }],
  });
});

const worked = suite('A rule on a worked-out date');

worked('should pass while the worked-out date keeps it, and the day it ends counts as in force', () => {
  const form = compileForm(withEndRule);
  assert.equal(form.errors(answers({ grantedOn: '2026-11-20', durationDays: 7 }), opts), []);
  assert.equal(form.errors(answers({ grantedOn: '2026-11-17', durationDays: 7 }), opts), [], 'ends today');
});

worked('should show a broken rule at the box of the date it is worked out from, on that page', () => {
  const form = compileForm(withEndRule);
  const expected = [{ pageId: 'urgent', questionId: 'grantedOn', path: 'grantedOn', message: ENDED }];
  const broken = answers({ grantedOn: '2026-11-16', durationDays: 7 });
  assert.equal(form.pageErrors('urgent', broken, opts), expected);
  assert.equal(form.errors(broken, opts), expected);
  assert.not.ok(form.canSubmit(broken, opts));
});

worked("should give way to the box's own error, and show a date worked out from another at the days' box", () => {
  const form = compileForm(withEndRule);
  const future = form.pageErrors('urgent', answers({ grantedOn: '2026-12-01', durationDays: 7 }), opts);
  assert.equal(
    future.map((e) => [e.path, e.message]),
    [
      ['grantedOn', 'The date granted must be today or in the past'],
      ['durationDays', 'The extension must end within 10 days'],
    ],
  );
});

worked('should be checked when the definition is read: its dates must be date questions', () => {
  assert.equal(codes(withEndRule), []);
  const broken = edit((d) => {
    urgentPage(d)[2]!.rules = [{ before: { question: 'durationDays' }, message: 'x' }];
  });
  assert.equal(codes(broken), ['not-a-date /pages/4/questions/2/rules/0/before/question']);
});

worked.run();

const WHEN = 'Give a phone number if you are a professional';
const withRequiredWhen = edit((d) => {
  Object.assign(aboutYou(d)[4]!, {
    hint: 'Needed if you are a professional.',
    requiredWhen: { question: 'isProfessional', equals: 'yes' },
    messages: { required: WHEN },
  });
});

const requiredWhen = suite('requiredWhen');

requiredWhen('should ask for the answer only while its condition holds', () => {
  const form = compileForm(withRequiredWhen);
  const unanswered = answers({ yourPhone: undefined });
  assert.equal(
    form.pageErrors('about-you', unanswered, opts).map((e) => [e.path, e.message]),
    [['yourPhone', WHEN]],
  );
  assert.ok(form.errors(unanswered, opts).some((e) => e.questionId === 'yourPhone'));
  assert.equal(form.pageErrors('about-you', { ...unanswered, isProfessional: 'no', whyNot: 'Worried' }, opts), []);
  assert.equal(form.pageErrors('about-you', answers({ yourPhone: '0151 934 3555' }), opts), []);
});

requiredWhen('should be refused with required, without a hint saying when, or on what comes later', () => {
  assert.equal(codes(withRequiredWhen), []);
  const phone = (change: (question: Item) => void) =>
    edit((d) => {
      const question = aboutYou(d)[4]!;
      Object.assign(question, {
        hint: 'When professional',
        requiredWhen: { question: 'isProfessional', equals: 'yes' },
      });
      change(question);
    });
  assert.equal(codes(phone((q) => (q.required = true))), ['bad-required-when /pages/1/questions/4/requiredWhen']);
  assert.equal(codes(phone((q) => delete q.hint)), ['missing-hint /pages/1/questions/4/hint']);
  assert.equal(codes(phone((q) => (q.requiredWhen = { question: 'personDob', answered: true }))), [
    'unknown-question /pages/1/questions/4/requiredWhen/question',
  ]);
  assert.equal(
    codes(
      phone(
        (q) =>
          (q.requiredWhen = {
            all: [
              { question: 'isProfessional', equals: 'yes' },
              { question: 'isProfessional', equals: 'no' },
            ],
          }),
      ),
    ),
    ['never-required /pages/1/questions/4/requiredWhen'],
  );
});

requiredWhen.run();
