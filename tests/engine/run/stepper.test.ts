import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { compileForm, UnknownPageError, type Answers, type Form } from '../../../engine/index.ts';
import { everyType, everyTypeAnswers, TODAY } from '../../fixtures/every-type.ts';
import { answersArbitrary } from '../../fixtures/arbitrary-answers.ts';
import { loadForms } from '../../fixtures/forms.ts';

const opts = { today: TODAY };
const form = compileForm(everyType);

const stepper = suite('Form stepping');

stepper('should show a conditional page only when its condition holds', () => {
  assert.ok(form.isPageVisible('urgent', { isProfessional: 'yes' }, opts));
  assert.not.ok(form.isPageVisible('urgent', { isProfessional: 'no' }, opts));
  assert.not.ok(form.isPageVisible('urgent', { isProfessional: 'yes', difficulties: ['none'] }, opts));
});

stepper('should skip hidden pages going forward and back', () => {
  const hidden: Answers = { isProfessional: 'no' };
  assert.is(form.nextPage('needs', hidden, opts)?.id, 'consultation');
  assert.is(form.previousPage('consultation', hidden, opts)?.id, 'needs');
  assert.is(form.nextPage('needs', { isProfessional: 'yes' }, opts)?.id, 'urgent');
});

stepper('should start with no previous page and end with no next page', () => {
  assert.is(form.previousPage('before-you-start', {}, opts), null);
  assert.is(form.nextPage('check-your-answers', {}, opts), null);
});

stepper("should give the author's progress for each page", () => {
  assert.equal(
    form.pages.map((page) => form.progress(page.id)),
    [0, 13, 30, 50, 70, 85, 100],
  );
});

stepper('should need an account from the first page that asks for one onwards', () => {
  assert.equal(
    form.pages.map((page) => form.requiresAccount(page.id)),
    [false, true, true, true, true, true, true],
  );
});

stepper('should throw a named error for a page the form does not have', () => {
  assert.throws(
    () => form.nextPage('no-such-page', {}),
    (error: unknown) =>
      error instanceof UnknownPageError && /has no page "no-such-page"/.test((error as Error).message),
  );
});

stepper('should find a question of a page with its page, and no question inside a group or unknown', () => {
  const entry = form.question('consultees');
  assert.is(entry?.page.id, 'consultation');
  assert.is(entry?.question.type, 'group');
  assert.is(form.question('personDob')?.page.id, 'the-person');
  assert.is(form.question('consulteeRole'), undefined);
  assert.is(form.question('no-such-question'), undefined);
});

stepper('should show and hide questions and text blocks with their conditions', () => {
  const needs = form.page('needs').questions!;
  const warning = needs.find((item) => item.type === 'warning')!;
  assert.not.ok(form.isShown(warning, {}, undefined, opts));
  assert.ok(form.isShown(warning, { falls: 1 }, undefined, opts));
  const group = form.page('consultation').questions![0]!;
  const other = group.type === 'group' ? group.questions[2]! : group;
  const at = { group: 'consultees', index: 1 };
  assert.ok(form.isShown(other, { consultees: [{ consulteeRole: 'family' }, { consulteeRole: 'other' }] }, at, opts));
  assert.not.ok(
    form.isShown(other, { consultees: [{ consulteeRole: 'other' }, { consulteeRole: 'family' }] }, at, opts),
  );
});

stepper.run();

const prepare = suite('Form.prepare');

prepare('should drop answers to hidden questions and pages, and anything the form does not ask', () => {
  const prepared = form.prepare(
    { ...everyTypeAnswers, isProfessional: 'no', whyNot: 'Because', notAQuestion: 'x', gender: 'male' } as Answers,
    opts,
  );
  assert.is(prepared.genderOther, undefined, 'hidden question');
  assert.is(prepared.grantedOn, undefined, 'hidden page');
  assert.is(prepared.notAQuestion, undefined, 'unknown key');
  assert.is(prepared.whyNot, 'Because');
});

prepare('should store answers in one form: postcode, NHS number, phone, time, date, trimmed text', () => {
  const prepared = form.prepare({ ...everyTypeAnswers, yourName: '  Sam  ', personDob: '1948-3-7' } as Answers, opts);
  assert.equal(prepared.personAddress, { line1: '1 Example Street', town: 'Bootle', postcode: 'L20 3NJ' });
  assert.is(prepared.personNhs, '9434765919');
  assert.is(prepared.yourPhone, '01519343555');
  assert.is(prepared.contactTime, '09:30');
  assert.is(prepared.personDob, '1948-03-07');
  assert.is(prepared.yourName, 'Sam');
});

prepare('should work out a computed date, and drop it when its parts are missing', () => {
  assert.is(form.prepare(everyTypeAnswers as Answers, opts).expiresOn, '2026-11-27');
  assert.is(form.prepare({ ...everyTypeAnswers, durationDays: undefined } as Answers, opts).expiresOn, undefined);
  assert.is(
    form.prepare({ ...everyTypeAnswers, expiresOn: '2030-01-01', durationDays: 1 } as Answers, opts).expiresOn,
    '2026-11-21',
    'a typed value is ignored',
  );
});

prepare('should drop answers inside a group item whose question is hidden', () => {
  const prepared = form.prepare(
    {
      ...everyTypeAnswers,
      consultees: [{ consulteeName: 'Jo', consulteeRole: 'family', consulteeRoleOther: 'Neighbour' }],
    } as Answers,
    opts,
  );
  assert.equal(prepared.consultees, [{ consulteeName: 'Jo', consulteeRole: 'family' }]);
});

prepare('should give the same answers when prepared twice (property)', () => {
  fc.assert(
    fc.property(answersArbitrary(everyType), (answers) => {
      const once = form.prepare(answers, opts);
      assert.equal(form.prepare(once, opts), once);
    }),
    { numRuns: 200 },
  );
});

prepare.run();

/** Walks forward from the first page, as the Next button does. */
function walk(subject: Form, answers: Answers): string[] {
  const visited = [subject.pages[0]!.id];
  for (let page = subject.nextPage(visited[0]!, answers, opts); page; page = subject.nextPage(page.id, answers, opts))
    visited.push(page.id);
  return visited;
}

const properties = suite('Stepping properties, on every form');

for (const subject of [form, ...loadForms().map(({ definition }) => compileForm(definition))]) {
  properties(`${subject.id}: next then previous should return to the same page (property)`, () => {
    fc.assert(
      fc.property(answersArbitrary(subject.definition), (answers) => {
        const pages = walk(subject, answers);
        for (let i = 0; i + 1 < pages.length; i++)
          assert.is(subject.previousPage(pages[i + 1]!, answers, opts)?.id, pages[i]);
      }),
      { numRuns: 150 },
    );
  });

  properties(`${subject.id}: a hidden page should never be visited (property)`, () => {
    fc.assert(
      fc.property(answersArbitrary(subject.definition), (answers) => {
        // The walk visits exactly the visible pages, in order: never a hidden one, never skipping a shown one.
        assert.equal(
          walk(subject, answers),
          subject.visiblePages(answers, opts).map((page) => page.id),
        );
      }),
      { numRuns: 150 },
    );
  });
}

properties.run();
