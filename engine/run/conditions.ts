/**
 * The condition interpreter: JSON conditions (all, any, not over tests of single answers) read by
 * a few lines of code. There are no expression strings and nothing is ever evaluated as code.
 */
import type { AnswerValue, Condition, DateRef } from '../types.ts';
import type { AnswerCondition } from '../definition/definition.types.ts';
import { addYears, toDayNumber } from '../values/dates.ts';

/** Finds an answer by question id: an item's own answers first inside a repeatable group. */
export type AnswerLookup = (questionId: string) => AnswerValue | undefined;

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  // An address: answered when one of its boxes has text. Nothing deeper is looked into, so a
  // hostile answer nested thousands deep costs nothing.
  if (typeof value === 'object')
    return Object.values(value).some((part) =>
      typeof part === 'string' ? part.trim() !== '' : part !== undefined && part !== null,
    );
  return true;
}

/** The day number a date reference points at, or null while the date it names is not given. */
export function resolveDateRef(ref: DateRef, lookup: AnswerLookup, today: string): number | null {
  const base = 'today' in ref ? today : lookup(ref.question);
  if (typeof base !== 'string') return null;
  const moved = ref.offsetYears ? addYears(base, ref.offsetYears) : base;
  const day = moved === null ? null : toDayNumber(moved);
  return day === null ? null : day + (ref.offsetDays ?? 0);
}

/**
 * Whether the condition holds for these answers on this day; `signedIn` is whether the person is
 * (only text blocks test it: the browser says, and on the server a submission always is).
 */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup, today: string, signedIn = true): boolean {
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, lookup, today, signedIn));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, lookup, today, signedIn));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup, today, signedIn);
  if ('signedIn' in condition) return condition.signedIn === signedIn;

  const value = lookup(condition.question);
  if (condition.answered !== undefined) return isAnswered(value) === condition.answered;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.notEquals !== undefined) return isAnswered(value) && value !== condition.notEquals;
  if (condition.in !== undefined) return condition.in.some((option) => option === value);
  if (condition.includes !== undefined)
    return Array.isArray(value) && (value as unknown[]).includes(condition.includes);

  const operator = dateOperatorOf(condition);
  const answerDay = typeof value === 'string' ? toDayNumber(value) : null;
  if (!operator || answerDay === null) return false;
  const refDay = resolveDateRef(condition[operator]!, lookup, today);
  return refDay !== null && DATE_TESTS[operator](answerDay, refDay);
}

/** The comparisons of a date answer with a date it is compared to, as day numbers; date rules use the same ones. */
export const DATE_TESTS = {
  before: (answer: number, ref: number) => answer < ref,
  after: (answer: number, ref: number) => answer > ref,
  onOrBefore: (answer: number, ref: number) => answer <= ref,
  onOrAfter: (answer: number, ref: number) => answer >= ref,
};
export type DateOperator = keyof typeof DATE_TESTS;

function dateOperatorOf(condition: AnswerCondition): DateOperator | undefined {
  return (Object.keys(DATE_TESTS) as DateOperator[]).find((op) => condition[op] !== undefined);
}
