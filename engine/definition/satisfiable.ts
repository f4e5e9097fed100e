/**
 * Whether a condition can ever hold, found by trying every combination of telling answers to the
 * questions it reads (answer-domains.ts: each option, no answer, the values it compares with and
 * their neighbours, within what each question accepts). Conditions name few questions, so the
 * combinations stay few; where they would not, or a date is compared with another answer, the
 * condition is given the benefit of the doubt.
 */
import type { Condition } from '../types.ts';
import type { AnswerCondition } from './definition.types.ts';
import { evaluateCondition } from '../run/conditions.ts';
import { type AnyQuestion, candidateAnswers, TODAY } from './answer-domains.ts';

const MAX_COMBINATIONS = 4096;

/** The tests of single answers a condition is made of. */
export function leaves(condition: Condition): AnswerCondition[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  if ('signedIn' in condition) return [];
  return [condition];
}

/** Whether a condition tests whether the person is signed in. */
export function testsSignedIn(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(testsSignedIn);
  if ('any' in condition) return condition.any.some(testsSignedIn);
  if ('not' in condition) return testsSignedIn(condition.not);
  return 'signedIn' in condition;
}

/**
 * Whether some answers make the condition hold; with `limits` (the default) only answers the
 * questions accept count.
 */
export function canEverHold(
  condition: Condition,
  questionOf: (id: string) => AnyQuestion | undefined,
  limits = true,
): boolean {
  const byQuestion = new Map<string, AnswerCondition[]>();
  for (const test of leaves(condition)) byQuestion.set(test.question, [...(byQuestion.get(test.question) ?? []), test]);
  const ids = [...byQuestion.keys()];
  const domains: Array<ReturnType<typeof candidateAnswers> & object> = [];
  let combinations = 1;
  for (const id of ids) {
    const domain = candidateAnswers(questionOf(id), byQuestion.get(id)!, limits);
    if (!domain) return true;
    domains.push(domain);
    combinations *= domain.length;
    if (combinations > MAX_COMBINATIONS) return true;
  }
  const answers: Record<string, unknown> = {};
  // Signed in or not, whichever makes it hold.
  const tryFrom = (index: number): boolean => {
    if (index === ids.length)
      return [true, false].some((signedIn) =>
        evaluateCondition(condition, (id) => answers[id] as never, TODAY, signedIn),
      );
    return domains[index]!.some((value) => {
      answers[ids[index]!] = value;
      return tryFrom(index + 1);
    });
  };
  return tryFrom(0);
}
