/**
 * The council's four forms, each run through the engine with its complete answer set: they pass,
 * every mandatory answer is asked for on its own page in words that say what to do, conditions
 * show and hide what they should, and progress is the author's.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  compileForm,
  isQuestion,
  type Answers,
  type AnswerValue,
  type Form,
  type Question,
  type ChildQuestion,
  type Page,
} from '../../engine/index.ts';
import { loadForms, ANSWERS_TODAY } from '../fixtures/forms.ts';

const opts = { today: ANSWERS_TODAY };
const CHOOSING = new Set(['yesNo', 'radios', 'select', 'checkboxes']);
const FORMS = ['social-care-referral', 'occupational-therapy-referral', 'dols-form-1', 'dols-form-2'];

/** The message a person should read when a mandatory answer is missing, worked out from the definition. */
/** The message for a question left out; a subject that shows an earlier answer ({personFullName|the person}) shows it from `answers`. */
function expectedRequiredMessage(question: Question | ChildQuestion, answers: Answers): string {
  const shown = (text: string) => text.replace(/\{(\w+)\|[^}]*\}/g, (_, id: string) => String(answers[id]));
  return shown(unwordedRequiredMessage(question));
}

function unwordedRequiredMessage(question: Question | ChildQuestion): string {
  if (question.messages?.required) return question.messages.required;
  if (question.type === 'declaration') return 'Select the box to confirm the declaration';
  if (question.type === 'group') return `Add at least one ${question.itemName}`;
  const subject =
    question.subject ?? question.label.replace(/[?:.]\s*$/, '').replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase());
  return `${CHOOSING.has(question.type) ? 'Select' : 'Enter'} ${subject}`;
}

function firstBox(question: Question | ChildQuestion, path: string): string {
  return question.type === 'address' ? `${path}.line1` : path;
}

function without(answers: Answers, id: string): Answers {
  const copy = structuredClone(answers);
  delete copy[id];
  return copy;
}

/** Values worth trying for a question when looking for one that flips a condition. */
function tryValues(question: Question | undefined): Array<AnswerValue | undefined> {
  if (!question) return [undefined];
  switch (question.type) {
    case 'yesNo':
      return [undefined, 'yes', 'no'];
    case 'radios':
    case 'select':
      return [undefined, ...question.options.map((o) => o.value)];
    case 'checkboxes':
      return [undefined, ...question.options.map((o) => [o.value])];
    case 'number':
      return [undefined, question.min, question.max];
    case 'date':
      return [undefined, '1950-01-01', ANSWERS_TODAY, '2026-12-20'];
    default:
      return [undefined, 'Something'];
  }
}

const fixtures = loadForms();

const present = suite('The four forms');
present('should all be present, each with a complete answer set', () => {
  assert.equal(fixtures.map((f) => f.definition.id).sort(), [...FORMS].sort());
  for (const { definition, answers } of fixtures) assert.ok(Object.keys(answers).length > 10, definition.id);
});
present.run();

for (const { definition, answers } of fixtures) {
  const form: Form = compileForm(definition);
  const questions = definition.pages.flatMap((page) =>
    (page.questions ?? []).filter(isQuestion).map((question) => ({ question, page })),
  );
  const tests = suite(definition.id);

  tests('should accept its complete answer set, and allow submitting it', () => {
    assert.equal(form.errors(answers, opts), []);
    assert.ok(form.canSubmit(answers, opts));
  });

  tests('should keep every answer of the complete set (none hidden, none unknown)', () => {
    const kept = form.prepare(answers, opts);
    assert.equal(
      Object.keys(answers).filter((id) => !(id in kept)),
      [],
    );
  });

  tests(
    'should start with "Before you start" and an "About you" page at 13% that needs an account, and end in check-your-answers',
    () => {
      const [first, second] = definition.pages;
      const last = definition.pages.at(-1)!;
      assert.is(first!.title, 'Before you start');
      assert.is(form.progress(first!.id), 0);
      assert.not.ok(form.requiresAccount(first!.id));
      assert.is(second!.title, 'About you');
      assert.is(form.progress(second!.id), 13);
      assert.ok(form.requiresAccount(second!.id));
      assert.is(last.kind, 'checkAnswers');
      assert.is(form.progress(last.id), 100);
    },
  );

  tests('should ask for the professional confirmation on the About you page', () => {
    const errors = form.pageErrors('about-you', without(answers, 'isProfessional'), opts);
    assert.equal(
      errors.map((e) => e.path),
      ['isProfessional'],
    );
    assert.match(errors[0]!.message, /^Select whether you are a professional/);
  });

  for (const { question, page } of questions) {
    const value = answers[question.id];
    if (question.required && value !== undefined && question.type !== 'computedDate') {
      tests(`should ask for "${question.id}" on "${page.id}" when it is left out`, () => {
        const missing = without(answers, question.id);
        const onPage = form.pageErrors(page.id, missing, opts);
        const error = onPage.find((e) => e.questionId === question.id);
        assert.ok(error, `no error for ${question.id} on ${page.id}`);
        assert.is(error!.path, firstBox(question, question.id));
        assert.is(error!.message, expectedRequiredMessage(question, missing));
        assert.not.ok(form.canSubmit(missing, opts));
        assert.ok(form.errors(missing, opts).some((e) => e.pageId === page.id && e.questionId === question.id));
      });
    }
    if (question.type === 'group' && Array.isArray(value) && value.length) {
      for (const child of question.questions.filter(isQuestion) as ChildQuestion[]) {
        const item = (value as Array<Record<string, AnswerValue>>)[0]!;
        if (!child.required || item[child.id] === undefined) continue;
        tests(`should ask for "${child.id}" in each "${question.itemName}" when it is left out`, () => {
          const changed = structuredClone(answers);
          delete (changed[question.id] as Array<Record<string, AnswerValue>>)[0]![child.id];
          const error = form
            .pageErrors(page.id, changed, opts)
            .find((e) => e.path.startsWith(`${question.id}.0.${child.id}`));
          assert.ok(error);
          assert.is(error!.path, firstBox(child, `${question.id}.0.${child.id}`));
          assert.is(
            error!.message,
            `${question.itemName[0]!.toUpperCase()}${question.itemName.slice(1)} 1: ${expectedRequiredMessage(child, changed)}`,
          );
        });
      }
    }
  }

  // Each condition on a question or page: changing one answer it reads must hide what it shows
  // (dropping its answer) or show what it hides (asking for it when mandatory).
  const conditional: Array<{ what: string; page: Page; question?: Question; condition: NonNullable<Page['showIf']> }> =
    [
      ...definition.pages
        .filter((page) => page.showIf)
        .map((page) => ({ what: `page "${page.id}"`, page, condition: page.showIf! })),
      ...questions
        .filter(({ question }) => question.showIf)
        .map(({ question, page }) => ({ what: `"${question.id}"`, page, question, condition: question.showIf! })),
    ];
  const byId = new Map(questions.map(({ question }) => [question.id, question]));
  const readIds = (condition: NonNullable<Page['showIf']>): string[] =>
    'all' in condition
      ? condition.all.flatMap(readIds)
      : 'any' in condition
        ? condition.any.flatMap(readIds)
        : 'not' in condition
          ? readIds(condition.not)
          : 'signedIn' in condition
            ? []
            : [condition.question];

  for (const { what, page, question, condition } of conditional) {
    tests(`should show and hide ${what} with its condition`, () => {
      const isShown = (a: Answers) =>
        form.isPageVisible(page.id, a, opts) && (!question || form.isShown(question, a, undefined, opts));
      const shownNow = isShown(answers);
      let flipped: Answers | undefined;
      for (const id of readIds(condition)) {
        for (const candidate of tryValues(byId.get(id))) {
          const changed = { ...answers, [id]: candidate };
          if (isShown(changed) !== shownNow) {
            flipped = changed;
            break;
          }
        }
        if (flipped) break;
      }
      assert.ok(flipped, `no single answer change flips ${what}`);
      const [shownAnswers, hiddenAnswers] = shownNow ? [answers, flipped!] : [flipped!, answers];
      const ids = question ? [question.id] : (page.questions ?? []).filter(isQuestion).map((q) => q.id);
      const withAll = Object.fromEntries(ids.map((id) => [id, answers[id] ?? 'Something'])) as Answers;
      const keptWhenHidden = form.prepare({ ...hiddenAnswers, ...withAll }, opts);
      for (const id of ids) assert.is(keptWhenHidden[id], undefined, `${id} kept while hidden`);
      assert.not.ok(
        form
          .summary({ ...hiddenAnswers, ...withAll }, opts)
          .some((p) => p.rows.some((r) => ids.includes(r.questionId))),
      );
      const required = (question ? [question] : (page.questions ?? []).filter(isQuestion)).filter(
        (q) => q.required && q.type !== 'computedDate' && !q.showIf,
      );
      const asked = form.errors(
        Object.fromEntries(Object.entries(shownAnswers).filter(([id]) => !ids.includes(id))),
        opts,
      );
      for (const q of required)
        assert.ok(
          asked.some((e) => e.questionId === q.id),
          `${q.id} not asked for while shown`,
        );
      assert.ok(form.visiblePages(shownAnswers, opts).some((p) => p.id === page.id));
    });
  }

  tests.run();
}
