/**
 * A condition in plain words, for the descriptions of the answers schema published for
 * integrators: what a JSON Schema cannot say about when a question is asked or required, said to
 * the person reading it ("personDobKnown" is "yes" and "personAge" is answered).
 */
import type { Condition, DateRef } from '../types.ts';

const DATE_WORDS = { before: 'before', after: 'after', onOrBefore: 'on or before', onOrAfter: 'on or after' } as const;

/** A date to compare with, in words: today, or the answer to another question, moved by years and days ("18 years before today"). */
export function dateWords(ref: DateRef): string {
  const base = 'today' in ref ? 'today' : `the answer to "${ref.question}"`;
  const years = ref.offsetYears ?? 0;
  const days = ref.offsetDays ?? 0;
  if (!years && !days) return base;
  const count = (n: number, unit: string) => (n ? `${Math.abs(n)} ${unit}${Math.abs(n) === 1 ? '' : 's'}` : '');
  const moves = (a: number, b: number) => [count(a, 'year'), count(b, 'day')].filter(Boolean).join(' and ');
  // Both one way: "1 year and 28 days before today"; one each way: "2 years after, then 3 days before, today".
  if (years * days >= 0) return `${moves(years, days)} ${years + days < 0 ? 'before' : 'after'} ${base}`;
  return `${count(years, 'year')} ${years < 0 ? 'before' : 'after'}, then ${count(days, 'day')} ${days < 0 ? 'before' : 'after'}, ${base}`;
}

const listed = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');

/** The condition in words; `all` and `any` inside another are bracketed, so "and" and "or" never mix unclearly. */
export function conditionWords(condition: Condition, nested = false): string {
  const joined = (parts: Condition[], word: string) => {
    const text = parts.map((part) => conditionWords(part, true)).join(` ${word} `);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  if ('all' in condition) return joined(condition.all, 'and');
  if ('any' in condition) return joined(condition.any, 'or');
  if ('not' in condition) return `not ${conditionWords(condition.not, true)}`;
  if ('signedIn' in condition)
    return condition.signedIn ? 'the referrer is signed in' : 'the referrer is not signed in';
  const answer = `"${condition.question}"`;
  if (condition.answered !== undefined) return `${answer} is ${condition.answered ? '' : 'not '}answered`;
  if (condition.equals !== undefined) return `${answer} is ${JSON.stringify(condition.equals)}`;
  if (condition.notEquals !== undefined)
    return `${answer} is answered and is not ${JSON.stringify(condition.notEquals)}`;
  if (condition.in !== undefined) return `${answer} is one of ${listed(condition.in)}`;
  if (condition.includes !== undefined) return `${answer} includes ${JSON.stringify(condition.includes)}`;
  const operator = (Object.keys(DATE_WORDS) as Array<keyof typeof DATE_WORDS>).find((op) => condition[op]);
  return operator ? `${answer} is a date ${DATE_WORDS[operator]} ${dateWords(condition[operator]!)}` : 'never';
}
