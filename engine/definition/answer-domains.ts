/**
 * The telling answers to one question, for finding whether a condition can hold: no answer, each
 * option, the values the conditions compare with and their neighbours, and an answer unlike any of
 * them. With `limits`, only answers the question accepts are tried (a number within its min and max,
 * text within its lengths, a date its rules allow, as many choices as it takes), since a form
 * cannot go on with any other. Null where the telling answers cannot be listed (a date compared
 * with another answer): the caller then gives the condition the benefit of the doubt.
 */
import type { AnswerValue, ChildQuestion, DateRef, Question } from '../types.ts';
import type { AnswerCondition } from './definition.types.ts';
import { DATE_TESTS, isAnswered } from '../run/conditions.ts';
import { addDays, addYears, toDayNumber } from '../values/dates.ts';
import { DEFAULT_MAX_LENGTH } from './limits.ts';

export type AnyQuestion = Question | ChildQuestion;
type Candidate = AnswerValue | undefined;

/** The day every date is reckoned from: only distances from today matter. */
export const TODAY = '2000-06-15';
/** More tested options than this on one checkboxes question, and only some of their combinations are tried. */
const MAX_SUBSET_OPTIONS = 8;

const RULE_TESTS = { before: 'before', after: 'after', notBefore: 'onOrAfter', notAfter: 'onOrBefore' } as const;

function todayBased(ref: DateRef): string {
  return addYears(TODAY, ref.offsetYears ?? 0)!;
}

/** The dates either side of each date compared with, and on it: every stretch between them is tried. */
function dateCandidates(question: AnyQuestion, tests: AnswerCondition[], limits: boolean): Candidate[] | null {
  const refs: DateRef[] = [];
  for (const test of tests)
    for (const ref of [test.before, test.after, test.onOrBefore, test.onOrAfter]) {
      if (!ref) continue;
      if ('question' in ref) return null;
      refs.push(ref);
    }
  const rules = 'rules' in question ? (question.rules ?? []) : [];
  // Rules that always apply and compare with today; the others are given the benefit of the doubt.
  const fixed = rules.flatMap((rule) =>
    rule.when
      ? []
      : (Object.keys(RULE_TESTS) as Array<keyof typeof RULE_TESTS>).flatMap((op) => {
          const ref = rule[op];
          return ref && 'today' in ref ? [{ test: DATE_TESTS[RULE_TESTS[op]], ref }] : [];
        }),
  );
  const dates: Candidate[] = [];
  for (const ref of [...refs, ...fixed.map((rule) => rule.ref)]) {
    const moved = todayBased(ref);
    for (const shift of [-1, 0, 1]) dates.push(addDays(moved, (ref.offsetDays ?? 0) + shift)!);
  }
  if (!dates.length) dates.push(TODAY);
  if (!limits) return [undefined, ...dates];
  const day = (ref: DateRef) => toDayNumber(todayBased(ref))! + (ref.offsetDays ?? 0);
  return [
    undefined,
    ...dates.filter((date) => fixed.every(({ test, ref }) => test(toDayNumber(date as string)!, day(ref)))),
  ];
}

/** Text unlike every value compared with, within the question's lengths. */
function otherText(length: number, constants: unknown[]): string {
  for (const letter of 'zyxw') {
    const text = letter.repeat(length);
    if (!constants.includes(text)) return text;
  }
  return `${'v'.repeat(Math.max(length - 1, 0))}w`;
}

function textCandidates(question: AnyQuestion, constants: unknown[], limits: boolean): Candidate[] {
  const strings = constants.map(String);
  if (!limits || (question.type !== 'text' && question.type !== 'textarea'))
    return [undefined, ...strings, 'something else'];
  const min = question.minLength ?? 1;
  const max = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type];
  const length = (text: string) => [...text].length;
  // What is typed is kept without the spaces around it.
  const fits = (text: string) => text === text.trim() && length(text) >= min && length(text) <= max;
  const values: Candidate[] = [undefined, ...strings.filter(fits)];
  if (min <= max) values.push(otherText(min, strings));
  return values;
}

function numberCandidates(question: AnyQuestion & { type: 'number' }, constants: unknown[], limits: boolean) {
  const near = constants.flatMap((c) => (typeof c === 'number' ? [c - 1, c, c + 1] : []));
  const values = [question.min, question.max, Math.ceil(question.min), Math.floor(question.max), ...near];
  if (!limits) return [undefined, ...values];
  return [
    undefined,
    ...values.filter((v) => v >= question.min && v <= question.max && (!question.integer || Number.isInteger(v))),
  ];
}

/** Every combination of the options tested, made up to the fewest choices with options not tested. */
function checkboxCandidates(question: AnyQuestion & { type: 'checkboxes' }, tests: AnswerCondition[], limits: boolean) {
  const all = question.options.map((o) => o.value);
  const tested = [...new Set(tests.map((t) => t.includes).filter((v): v is string => v !== undefined))].filter((v) =>
    all.includes(v),
  );
  if (tested.length > MAX_SUBSET_OPTIONS) return [undefined, ...all.map((v) => [v]), all];
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.value));
  const untested = all.filter((v) => !tested.includes(v) && !exclusive.has(v));
  const min = Math.max(question.minItems ?? 0, 1);
  const max = question.maxItems ?? all.length;
  const values: Candidate[] = [undefined];
  for (let mask = 0; mask < 1 << tested.length; mask++) {
    const chosen = tested.filter((_, i) => mask & (1 << i));
    if (!limits) {
      values.push(chosen.length ? chosen : all.filter((v) => !tested.includes(v)).slice(0, 1));
      continue;
    }
    const alone = chosen.some((v) => exclusive.has(v));
    if (alone && chosen.length > 1) continue;
    const padded = alone ? chosen : [...chosen, ...untested.slice(0, Math.max(min - chosen.length, 0))];
    if (padded.length >= min && padded.length <= max) values.push(padded);
  }
  return values.filter((v) => v === undefined || isAnswered(v));
}

/** The answers worth trying for a question read by these tests; null when they cannot be listed. */
export function candidateAnswers(
  question: AnyQuestion | undefined,
  tests: AnswerCondition[],
  limits = true,
): Candidate[] | null {
  if (!question) return null;
  const constants = tests
    .flatMap((test) => [test.equals, test.notEquals, ...(test.in ?? [])])
    .filter((v) => v !== undefined);
  switch (question.type) {
    case 'yesNo':
      return [undefined, 'yes', 'no'];
    case 'radios':
    case 'select':
      return [undefined, ...question.options.map((o) => o.value)];
    case 'checkboxes':
      return checkboxCandidates(question, tests, limits);
    case 'number':
      return numberCandidates(question, constants, limits);
    case 'date':
    case 'computedDate':
      return dateCandidates(question, tests, limits);
    case 'declaration':
      return [undefined, true];
    case 'address':
      return [undefined, { line1: 'a' }];
    case 'group':
      return [undefined, [{}]];
    default:
      if (tests.some((test) => test.before || test.after || test.onOrBefore || test.onOrAfter))
        return dateCandidates(question, tests, false);
      return textCandidates(question, constants, limits);
  }
}

/** What a question accepts, in words, where its limits could keep a condition from holding. */
export function limitsInWords(question: AnyQuestion): string | undefined {
  switch (question.type) {
    case 'number':
      return `"${question.id}" accepts ${question.integer ? 'whole numbers' : 'numbers'} from ${question.min} to ${question.max}`;
    case 'text':
    case 'textarea': {
      const max = question.maxLength ?? DEFAULT_MAX_LENGTH[question.type];
      return `"${question.id}" accepts ${question.minLength ? `${question.minLength} to ${max}` : `up to ${max}`} characters, without spaces around them`;
    }
    case 'date':
    case 'computedDate':
      return question.rules?.length ? `"${question.id}" accepts only the dates its "rules" allow` : undefined;
    case 'checkboxes':
      return question.minItems || question.maxItems || question.options.some((o) => o.exclusive)
        ? `"${question.id}" accepts ${question.minItems ?? 1} to ${question.maxItems ?? question.options.length} choices${question.options.some((o) => o.exclusive) ? ', an "exclusive" option on its own' : ''}`
        : undefined;
    default:
      return undefined;
  }
}
