/**
 * A condition in plain words, for the descriptions of the answers schema published for
 * integrators: what a JSON Schema cannot say about when a question is asked or required, said to
 * the person reading it ("personDobKnown" is "yes" and "personAge" is answered). A flow of a form
 * for its authors names the questions and options as the referrer reads them instead.
 */
import type { Condition, DateRef } from '../types.ts';

/** How a condition names a question and one of its answers; by id and stored value unless told. */
export interface ConditionNames {
  question(id: string): string;
  value(question: string, value: unknown): string;
}

const BY_ID: ConditionNames = { question: (id) => `"${id}"`, value: (_question, value) => JSON.stringify(value) };

const DATE_WORDS = { before: 'before', after: 'after', onOrBefore: 'on or before', onOrAfter: 'on or after' } as const;

/** A date to compare with, in words: today, or the answer to another question, moved by years and days ("18 years before today"). */
export function dateWords(ref: DateRef, names: ConditionNames = BY_ID): string {
  const base = 'today' in ref ? 'today' : `the answer to ${names.question(ref.question)}`;
  const years = ref.offsetYears ?? 0;
  const days = ref.offsetDays ?? 0;
  if (!years && !days) return base;
  const count = (n: number, unit: string) => (n ? `${Math.abs(n)} ${unit}${Math.abs(n) === 1 ? '' : 's'}` : '');
  const moves = (a: number, b: number) => [count(a, 'year'), count(b, 'day')].filter(Boolean).join(' and ');
  // Both one way: "1 year and 28 days before today"; one each way: "2 years after, then 3 days before, today".
  if (years * days >= 0) return `${moves(years, days)} ${years + days < 0 ? 'before' : 'after'} ${base}`;
  return `${count(years, 'year')} ${years < 0 ? 'before' : 'after'}, then ${count(days, 'day')} ${days < 0 ? 'before' : 'after'}, ${base}`;
}

/** The condition in words; `all` and `any` inside another are bracketed, so "and" and "or" never mix unclearly. */
export function conditionWords(condition: Condition, nested = false, names: ConditionNames = BY_ID): string {
  const joined = (parts: Condition[], word: string) => {
    const text = parts.map((part) => conditionWords(part, true, names)).join(` ${word} `);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  if ('all' in condition) return joined(condition.all, 'and');
  if ('any' in condition) return joined(condition.any, 'or');
  if ('not' in condition) return `not ${conditionWords(condition.not, true, names)}`;
  if ('signedIn' in condition)
    return condition.signedIn ? 'the referrer is signed in' : 'the referrer is not signed in';
  const answer = names.question(condition.question);
  const value = (stored: unknown) => names.value(condition.question, stored);
  if (condition.answered !== undefined) return `${answer} is ${condition.answered ? '' : 'not '}answered`;
  if (condition.equals !== undefined) return `${answer} is ${value(condition.equals)}`;
  if (condition.notEquals !== undefined) return `${answer} is answered and is not ${value(condition.notEquals)}`;
  if (condition.in !== undefined) return `${answer} is one of ${condition.in.map(value).join(', ')}`;
  if (condition.includes !== undefined) return `${answer} includes ${value(condition.includes)}`;
  const operator = (Object.keys(DATE_WORDS) as Array<keyof typeof DATE_WORDS>).find((op) => condition[op]);
  return operator ? `${answer} is a date ${DATE_WORDS[operator]} ${dateWords(condition[operator]!, names)}` : 'never';
}
