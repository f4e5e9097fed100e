/**
 * The check on answers saved for later: whatever a person can type into a form is savable (after
 * the page prepares it, as it does before sending), and what no form could send is refused.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  compileForm,
  isQuestion,
  DEFAULT_MAX_LENGTH,
  type Answers,
  type AnswerValue,
  type FormDefinition,
  type Question,
} from '../../../engine/index.ts';
import { compileShapeCheck } from '../../../engine/compile/shape-check.ts';
import { loadForms, ANSWERS_TODAY } from '../../fixtures/forms.ts';

const test = suite('Saving for later: what a draft may hold');
const forms = loadForms();

/** What a person can leave in a box: anything, up to well past its limit, half-typed dates and numbers as words included. */
function typed(question: Question): fc.Arbitrary<AnswerValue> {
  const text = (limit: number) => fc.string({ maxLength: Math.min(3 * limit, 12_000) });
  switch (question.type) {
    case 'yesNo':
      return fc.constantFrom('yes', 'no');
    case 'radios':
    case 'select':
      return fc.constantFrom(...question.options.map((o) => o.value));
    case 'checkboxes':
      return fc.subarray(question.options.map((o) => o.value));
    case 'declaration':
      return fc.constant(true);
    case 'date':
      return fc
        .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
        .map((parts) => parts.join('-'));
    case 'address':
      return fc.record({ line1: text(100), town: text(100), postcode: text(10) }, { requiredKeys: [] });
    case 'group':
      return fc.constant([]);
    case 'textarea':
      return text(question.maxLength ?? DEFAULT_MAX_LENGTH.textarea);
    case 'text':
      return text(question.maxLength ?? DEFAULT_MAX_LENGTH.text);
    default:
      return text(30);
  }
}

function typedAnswers(definition: FormDefinition): fc.Arbitrary<Answers> {
  const questions = definition.pages
    .flatMap((page) => (page.questions ?? []).filter(isQuestion))
    .filter((q) => q.type !== 'computedDate');
  return fc.record(Object.fromEntries(questions.map((q) => [q.id, typed(q)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Answers>;
}

for (const { definition, answers } of forms) {
  const check = compileShapeCheck(definition);
  const form = compileForm(definition);

  test(`${definition.id}: a complete set of answers should be savable`, () => {
    assert.equal(check(form.prepare(answers, { today: ANSWERS_TODAY })), []);
  });

  test(`${definition.id}: whatever a person typed should be savable once the page has prepared it`, () => {
    fc.assert(
      fc.property(typedAnswers(definition), (typedIn) => {
        assert.equal(check(form.prepare(typedIn, { today: ANSWERS_TODAY })), []);
      }),
      { numRuns: 60 },
    );
  });
}

test('should keep text typed up to ten times past its limit, and boxes ticked past the number allowed', () => {
  const { definition } = forms.find((f) => f.definition.id === 'dols-form-1')!;
  const strict = structuredClone(definition);
  const sensoryLoss = strict.pages
    .flatMap((page) => page.questions ?? [])
    .find((q) => 'id' in q && q.id === 'sensoryLoss') as { maxItems?: number };
  sensoryLoss.maxItems = 1;
  const check = compileShapeCheck(strict);
  assert.equal(check({ medicalHistory: 'a'.repeat(50_000) }), [], 'ten times the 5,000 limit');
  assert.match(check({ medicalHistory: 'a'.repeat(50_001) })[0]!.message, /longer than 50000 characters/);
  assert.equal(
    check({ sensoryLoss: ['sight-loss', 'hearing-loss'] }),
    [],
    'two ticked where one is allowed: for Next to say',
  );
  assert.match(check({ sensoryLoss: ['sight-loss', 'sight-loss'] })[0]!.message, /the same option twice/);
});

test('should echo an unknown question short, however long its name', () => {
  const check = compileShapeCheck(forms[0]!.definition);
  const [problem] = check({ ['x'.repeat(100_000)]: 'y' });
  assert.ok(problem!.path.length <= 100 && problem!.message.length < 250, `${problem!.message.length} characters`);
  assert.match(check([])[0]!.message, /send them as an object of answers/);
});

test('should refuse an unknown question, an option not offered, a wrong kind of value and too many items, naming the question', () => {
  const { definition } = forms.find((f) => f.definition.id === 'dols-form-1')!;
  const check = compileShapeCheck(definition);
  assert.equal(check({ shoeSize: '7' }), [
    { path: 'shoeSize', message: 'The answer to "shoeSize" cannot be saved: the form does not ask this question.' },
  ]);
  assert.match(
    check({ requestType: 'whenever' })[0]!.message,
    /^The answer to "What are you asking for\?" cannot be saved: it is not one of the options/,
  );
  assert.match(check({ personFullName: 42 })[0]!.message, /not the kind of answer this question takes/);
  assert.match(
    check({ consultees: Array.from({ length: 11 }, () => ({})) })[0]!.message,
    /"People to consult" cannot be saved: it has more than 10 items/,
  );
  assert.equal(check({ consultees: [{ consulteeName: 'Ann', shoeSize: '7' }] })[0]!.path, 'consultees.0.shoeSize');
});

test.run();
