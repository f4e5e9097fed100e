/**
 * Answers that reach a page: for the authors' preview, which opens any page of a form, a draft's
 * too (which has no answer sets of its own), with answers that show it. The page's condition is
 * read for the questions it tests; each of those must be shown itself (its page's condition and
 * its own), so theirs are read too, and so on. Every combination of telling answers to those
 * questions (each option, no answer, the values compared with and their neighbours, dates around
 * today) is tried in turn until the page is shown.
 */
import type { AnswerValue, Answers, Condition, FormDefinition, Question } from '../types.ts';
import type { AnswerCondition, DateRef } from '../definition/definition.types.ts';
import { Form } from './form.ts';
import { addDays, addYears } from '../values/dates.ts';

/** Past this many combinations the search stops: the page is not reached (a form's conditions read few questions). */
const MAX_TRIES = 50_000;

/** What a page of a form needs to be shown: the answers, or null when none found show it. */
export interface PageReach {
  pageId: string;
  title: string;
  answers: Answers | null;
}

function leaves(condition: Condition | undefined): AnswerCondition[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  if ('signedIn' in condition) return [];
  return [condition];
}

const DATE_KEYS = ['before', 'after', 'onOrBefore', 'onOrAfter'] as const;

/** Dates around today and around each offset from today a test names. */
function datesNear(today: string, refs: DateRef[]): string[] {
  const dates = new Set<string>();
  const around = (base: string | null, days = 0) => {
    for (const shift of [-1, 0, 1]) {
      const date = base && addDays(base, days + shift);
      if (date) dates.add(date);
    }
  };
  around(today);
  for (const years of [-100, -18, -1, 1]) around(addYears(today, years));
  for (const ref of refs) around(addYears(today, ref.offsetYears ?? 0), ref.offsetDays ?? 0);
  return [...dates];
}

/** The answers worth trying for a question the conditions test: no answer first. */
function candidates(question: Question, tests: AnswerCondition[], today: string): Array<AnswerValue | undefined> {
  const constants = tests.flatMap((test) => [test.equals, test.notEquals, test.includes, ...(test.in ?? [])]);
  const values: Array<AnswerValue | undefined> = [undefined, ...constants];
  const refs = tests.flatMap((test) => DATE_KEYS.map((key) => test[key]).filter((ref) => ref !== undefined));
  switch (question.type) {
    case 'yesNo':
      values.push('yes', 'no');
      break;
    case 'radios':
    case 'select':
      values.push(...question.options.map((o) => o.value));
      break;
    case 'checkboxes':
      values.length = 1;
      values.push(...question.options.map((o) => [o.value]));
      values.push(question.options.filter((o) => !o.exclusive).map((o) => o.value));
      break;
    case 'number':
      values.push(question.min, question.max);
      for (const c of constants) if (typeof c === 'number') values.push(c - 1, c + 1);
      break;
    case 'declaration':
      values.length = 1;
      values.push(true);
      break;
    case 'address':
      values.length = 1;
      values.push({ line1: '1 Sample Street', town: 'Bootle', postcode: 'L20 3NJ' });
      break;
    case 'date':
      values.push(...datesNear(today, refs as DateRef[]));
      break;
    case 'group':
      values.length = 1;
      values.push([{}]);
      break;
    default:
      values.push('Sample answer');
  }
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value) ?? 'none';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Answers with which `pageId` is shown on `today` (YYYY-MM-DD, the day the form is opened on), or
 * null when no combination tried shows it.
 */
export function answersToReach(definition: FormDefinition, pageId: string, today: string): Answers | null {
  const form = new Form(definition, { pages: {} });
  const target = form.page(pageId);
  const options = { today };
  if (form.isPageVisible(pageId, {}, options)) return {};
  // The questions the page's condition tests, and those that decide whether each of them is shown.
  const tests = new Map<string, AnswerCondition[]>();
  const pending = leaves(target.showIf);
  while (pending.length) {
    const test = pending.pop()!;
    if (!tests.has(test.question)) {
      const asked = form.question(test.question);
      if (asked) pending.push(...leaves(asked.page.showIf), ...leaves(asked.question.showIf));
    }
    tests.set(test.question, [...(tests.get(test.question) ?? []), test]);
  }
  const ids = [...tests.keys()].filter((id) => form.question(id));
  const domains = ids.map((id) => candidates(form.question(id)!.question, tests.get(id)!, today));
  // Counts through every combination, the first question's answer changing fastest.
  const choice = ids.map(() => 0);
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const answers: Answers = {};
    ids.forEach((id, i) => {
      const value = domains[i]![choice[i]!];
      if (value !== undefined) answers[id] = value;
    });
    if (form.isPageVisible(pageId, answers, options)) return answers;
    let i = 0;
    while (i < choice.length && ++choice[i]! >= domains[i]!.length) choice[i++] = 0;
    if (i === choice.length) return null;
  }
  return null;
}

/** Every page of a form, each with the answers that reach it. */
export function pagesToReach(definition: FormDefinition, today: string): PageReach[] {
  return definition.pages.map((page) => ({
    pageId: page.id,
    title: page.title,
    answers: answersToReach(definition, page.id, today),
  }));
}
