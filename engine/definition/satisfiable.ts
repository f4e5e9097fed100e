/**
 * Whether a condition can ever hold, found by trying every combination of telling answers to the
 * questions it reads (each option, no answer, the values it compares with and their
 * neighbours). Conditions name few questions, so the combinations stay few; where they would not,
 * or a date is compared with another answer, the condition is given the benefit of the doubt.
 */
import type { AnswerValue, ChildQuestion, Condition, Question } from '../types.ts';
import type { AnswerCondition } from './definition.types.ts';
import { evaluateCondition } from '../run/conditions.ts';
import { addDays, addYears } from '../values/dates.ts';

const TODAY = '2000-06-15';
const MAX_COMBINATIONS = 4096;

function leaves(condition: Condition): AnswerCondition[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  if ('signedIn' in condition) return [];
  return [condition];
}

function candidates(
  question: Question | ChildQuestion | undefined,
  tests: AnswerCondition[],
): Array<AnswerValue | undefined> | null {
  const values: Array<AnswerValue | undefined> = [undefined];
  const constants = tests
    .flatMap((test) => [test.equals, test.notEquals, ...(test.in ?? [])])
    .filter((v) => v !== undefined);
  for (const test of tests) {
    for (const ref of [test.before, test.after, test.onOrBefore, test.onOrAfter]) {
      if (!ref) continue;
      if ('question' in ref) return null;
      const moved = addYears(TODAY, ref.offsetYears ?? 0)!;
      for (const shift of [-1, 0, 1]) values.push(addDays(moved, (ref.offsetDays ?? 0) + shift)!);
    }
  }
  if (!question) return null;
  switch (question.type) {
    case 'yesNo':
      return [...values, 'yes', 'no'];
    case 'radios':
    case 'select':
      return [...values, ...question.options.map((o) => o.value)];
    case 'checkboxes':
      return [...values, ...question.options.map((o) => [o.value]), question.options.map((o) => o.value)];
    case 'number':
      return [
        ...values,
        question.min,
        question.max,
        ...constants.flatMap((c) => (typeof c === 'number' ? [c - 1, c, c + 1] : [])),
      ];
    case 'declaration':
      return [...values, true];
    case 'address':
      return [...values, { line1: 'a' }];
    case 'group':
      return [...values, [{}]];
    default:
      return [...values, ...constants.map(String), 'something else'];
  }
}

export function canEverHold(
  condition: Condition,
  questionOf: (id: string) => Question | ChildQuestion | undefined,
): boolean {
  const byQuestion = new Map<string, AnswerCondition[]>();
  for (const test of leaves(condition)) byQuestion.set(test.question, [...(byQuestion.get(test.question) ?? []), test]);
  const ids = [...byQuestion.keys()];
  const domains: Array<Array<AnswerValue | undefined>> = [];
  let combinations = 1;
  for (const id of ids) {
    const domain = candidates(questionOf(id), byQuestion.get(id)!);
    if (!domain) return true;
    domains.push(domain);
    combinations *= domain.length;
    if (combinations > MAX_COMBINATIONS) return true;
  }
  const answers: Record<string, AnswerValue | undefined> = {};
  // Signed in or not, whichever makes it hold.
  const tryFrom = (index: number): boolean => {
    if (index === ids.length)
      return [true, false].some((signedIn) => evaluateCondition(condition, (id) => answers[id], TODAY, signedIn));
    return domains[index]!.some((value) => {
      answers[ids[index]!] = value;
      return tryFrom(index + 1);
    });
  };
  return tryFrom(0);
}
