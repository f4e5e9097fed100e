import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  definitionProblems,
  compileForm,
  type Condition,
  type AnswerValue,
  type FormDefinition,
} from '../../../engine/index.ts';
import { evaluateCondition, isAnswered } from '../../../engine/run/conditions.ts';
import { isRealDate, addDays } from '../../../engine/values/dates.ts';

const TODAY = '2026-11-24';
const holds = (condition: Condition, answers: Record<string, AnswerValue | undefined>) =>
  evaluateCondition(condition, (id) => answers[id], TODAY);

const tests = suite('evaluateCondition');

tests('should compare an answer with equals, notEquals and in', () => {
  assert.ok(holds({ question: 'aware', equals: 'no' }, { aware: 'no' }));
  assert.not.ok(holds({ question: 'aware', equals: 'no' }, { aware: 'yes' }));
  assert.ok(holds({ question: 'aware', notEquals: 'no' }, { aware: 'yes' }));
  assert.not.ok(holds({ question: 'aware', notEquals: 'no' }, {}), 'an unanswered question is not "not no"');
  assert.ok(holds({ question: 'days', in: [1, 2, 3] }, { days: 2 }));
  assert.not.ok(holds({ question: 'days', in: [1, 2, 3] }, { days: '2' }), 'numbers and text never match');
});

tests('should test ticked checkboxes with includes', () => {
  assert.ok(holds({ question: 'needs', includes: 'stairs' }, { needs: ['bathing', 'stairs'] }));
  assert.not.ok(holds({ question: 'needs', includes: 'stairs' }, { needs: ['bathing'] }));
  assert.not.ok(holds({ question: 'needs', includes: 'stairs' }, { needs: 'stairs' }));
});

tests('should tell answered from unanswered, whatever the kind of answer', () => {
  for (const value of ['x', 0, ['a'], { line1: 'a' }, true, [{}]])
    assert.ok(isAnswered(value as AnswerValue), JSON.stringify(value));
  for (const value of [undefined, '', '   ', [], {}, { line1: ' ' }, false, Number.NaN])
    assert.not.ok(isAnswered(value as AnswerValue), JSON.stringify(value));
  assert.ok(holds({ question: 'x', answered: false }, {}));
  assert.ok(holds({ question: 'x', answered: true }, { x: 'y' }));
});

tests('should compare dates with today and with other answers, moved by days', () => {
  assert.ok(holds({ question: 'd', before: { today: true } }, { d: '2026-11-23' }));
  assert.not.ok(holds({ question: 'd', before: { today: true } }, { d: TODAY }));
  assert.ok(holds({ question: 'd', onOrBefore: { today: true } }, { d: TODAY }));
  assert.ok(
    holds({ question: 'd', after: { question: 'start', offsetDays: 7 } }, { d: '2026-12-02', start: '2026-11-24' }),
  );
  assert.not.ok(
    holds({ question: 'd', onOrAfter: { question: 'start' } }, { d: '2026-12-02' }),
    'an unanswered date to compare with holds nothing',
  );
  assert.not.ok(holds({ question: 'd', after: { today: true } }, { d: 'not a date' }));
});

tests('should know real dates from impossible ones, and add days across months and years', () => {
  assert.ok(isRealDate('2024-02-29'));
  for (const date of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '24-01-01', '2024-1-1'])
    assert.not.ok(isRealDate(date), date);
  assert.is(addDays('2026-12-30', 3), '2027-01-02');
  assert.is(addDays('2024-03-01', -1), '2024-02-29');
  assert.is(addDays('not a date', 1), null);
});

tests('should move dates by calendar years, so an 18th birthday falls on the right day', () => {
  const under18: Condition = { question: 'dob', after: { today: true, offsetYears: -18 } };
  assert.not.ok(holds(under18, { dob: '2008-11-24' }), '18 today');
  assert.ok(holds(under18, { dob: '2008-11-25' }), '18 tomorrow');
  assert.ok(
    holds({ question: 'd', onOrAfter: { question: 'leap', offsetYears: 1 } }, { d: '2025-02-28', leap: '2024-02-29' }),
    '29 February a year on is 28 February',
  );
});

tests('should show text for someone signed in or not, as the browser says, and take a submission as signed in', () => {
  const signedIn = { signedIn: true } as const;
  assert.ok(evaluateCondition(signedIn, () => undefined, TODAY, true));
  assert.not.ok(evaluateCondition(signedIn, () => undefined, TODAY, false));
  assert.ok(evaluateCondition({ signedIn: false }, () => undefined, TODAY, false));
  assert.ok(
    evaluateCondition(signedIn, () => undefined, TODAY),
    'on the server everyone is signed in',
  );
  const form = compileForm({
    id: 'sample',
    version: 1,
    status: 'draft',
    title: 'Sample',
    pages: [
      {
        id: 'start',
        title: 'Start',
        progress: 0,
        content: [
          { type: 'paragraph', text: 'Sign in to carry on.', showIf: { signedIn: false } },
          { type: 'paragraph', text: 'Carry on.', showIf: { signedIn: true } },
        ],
      },
      { id: 'check-your-answers', title: 'Check', kind: 'checkAnswers', progress: 100 },
    ],
  });
  const [signInText, carryOnText] = form.pages[0]!.content!;
  assert.ok(form.isShown(signInText!, {}, undefined, { signedIn: false }));
  assert.not.ok(form.isShown(carryOnText!, {}, undefined, { signedIn: false }));
  assert.ok(form.isShown(carryOnText!, {}, undefined, { signedIn: true }));
  assert.not.ok(form.isShown(signInText!, {}, undefined, { signedIn: true }));
});

tests('should let only text depend on being signed in, and find such text that can never be shown', () => {
  const definition = (showIf: Condition, onQuestion = false): FormDefinition => ({
    id: 'sample',
    version: 1,
    status: 'draft',
    title: 'Sample',
    pages: [
      {
        id: 'start',
        title: 'Start',
        progress: 0,
        questions: [
          { type: 'paragraph', text: 'Words.', ...(onQuestion ? {} : { showIf }) },
          { id: 'name', type: 'text', label: 'Name', ...(onQuestion ? { showIf } : {}) },
        ],
      },
      { id: 'check-your-answers', title: 'Check', kind: 'checkAnswers', progress: 100 },
    ],
  });
  assert.equal(definitionProblems(definition({ signedIn: false })), []);
  assert.equal(
    definitionProblems(definition({ signedIn: true }, true)).map((p) => [p.code, p.pointer]),
    [['signed-in-not-text', '/pages/0/questions/1/showIf/signedIn']],
  );
  assert.equal(
    definitionProblems(definition({ all: [{ signedIn: true }, { not: { signedIn: true } }] })).map((p) => p.code),
    ['never-shown'],
  );
});

tests('should combine with all, any and not to any depth', () => {
  const condition: Condition = {
    all: [
      { question: 'a', equals: 'yes' },
      { any: [{ question: 'b', equals: 'x' }, { not: { question: 'c', answered: true } }] },
    ],
  };
  assert.ok(holds(condition, { a: 'yes', b: 'x', c: 'q' }));
  assert.ok(holds(condition, { a: 'yes', b: 'y' }));
  assert.not.ok(holds(condition, { a: 'yes', b: 'y', c: 'q' }));
  assert.not.ok(holds(condition, { a: 'no', b: 'x' }));
});

// Random conditions over three yes/no questions, checked against a plain reading of their meaning.
const leaf = fc.record({
  question: fc.constantFrom('a', 'b', 'c'),
  equals: fc.constantFrom('yes', 'no'),
}) as fc.Arbitrary<Condition>;
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Condition>,
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Condition>,
    fc.record({ not: tie('condition') }) as fc.Arbitrary<Condition>,
  ),
}));
const answersArb = fc.record({
  a: fc.constantFrom('yes', 'no', undefined),
  b: fc.constantFrom('yes', 'no', undefined),
  c: fc.constantFrom('yes', 'no', undefined),
});

function meaning(c: Condition, answers: Record<string, string | undefined>): boolean {
  if ('all' in c) return c.all.every((part) => meaning(part, answers));
  if ('any' in c) return c.any.some((part) => meaning(part, answers));
  if ('not' in c) return !meaning(c.not, answers);
  if ('signedIn' in c) return c.signedIn;
  return answers[c.question] === c.equals;
}

tests('should agree with the logic of all, any and not for any nesting (property)', () => {
  fc.assert(
    fc.property(condition, answersArb, (c, answers) => holds(c, answers) === meaning(c, answers)),
    { numRuns: 500 },
  );
});

tests('should obey De Morgan: not all is any not (property)', () => {
  fc.assert(
    fc.property(
      condition,
      fc.array(condition, { maxLength: 3 }),
      answersArb,
      (first, rest, answers) =>
        holds({ not: { all: [first, ...rest] } }, answers) ===
        holds({ any: [{ not: first }, ...rest.map((part) => ({ not: part }))] }, answers),
    ),
    { numRuns: 300 },
  );
});

tests.run();
