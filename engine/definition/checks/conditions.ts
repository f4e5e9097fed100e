/**
 * Conditions and date comparisons: they name questions asked before them, test each with an
 * operator that suits its type and values it can have, and can hold for some answers.
 */
import type { Condition, DateRef } from '../../types.ts';
import type { AnswerCondition } from '../definition.types.ts';
import { canEverHold, leaves } from '../satisfiable.ts';
import { limitsInWords } from '../answer-domains.ts';
import type { AnyQuestion, CheckContext, Scope } from './context.ts';

/**
 * A condition must name what it may, and must be able to hold (asked only of a well-formed one,
 * to report one fault once). Only text (`isText`) may depend on whether the person is signed in.
 */
export function checkShowIf(
  ctx: CheckContext,
  condition: Condition,
  pointer: string,
  scope: Scope,
  what: string,
  isText = false,
): void {
  const before = ctx.problems.length;
  checkCondition(ctx, condition, pointer, scope, isText);
  const questionOf = (id: string) => ctx.questionWithId(id);
  if (ctx.problems.length === before && !canEverHold(condition, questionOf)) {
    // Answers the questions refuse would make it hold: say which limits stand in the way.
    const limits = canEverHold(condition, questionOf, false)
      ? [...new Set(leaves(condition).map((test) => test.question))]
          .map((id) => questionOf(id))
          .flatMap((question) => (question ? [limitsInWords(question)].filter(Boolean) : []))
      : [];
    ctx.problem(
      pointer,
      'never-shown',
      limits.length
        ? `${what} can never be shown: only answers refused by the questions it tests make this condition true (${limits.join('; ')}). Change the values it tests, or the limits.`
        : `${what} can never be shown: no answers make this condition true. Check the values and the all/any/not it combines.`,
    );
  }
}

export function checkCondition(
  ctx: CheckContext,
  condition: Condition,
  pointer: string,
  scope: Scope,
  isText = false,
): void {
  if ('all' in condition)
    return condition.all.forEach((part, i) => checkCondition(ctx, part, `${pointer}/all/${i}`, scope, isText));
  if ('any' in condition)
    return condition.any.forEach((part, i) => checkCondition(ctx, part, `${pointer}/any/${i}`, scope, isText));
  if ('not' in condition) return checkCondition(ctx, condition.not, `${pointer}/not`, scope, isText);
  if ('signedIn' in condition) {
    if (!isText)
      ctx.problem(
        `${pointer}/signedIn`,
        'signed-in-not-text',
        'Only text can depend on whether the person is signed in: whether a question is asked, a page shown or a date rule applies cannot (the server checks answers, and there everyone is signed in). Use "signedIn" in a text block\'s "showIf".',
      );
    return;
  }
  const target = scope(condition.question);
  if (!target) {
    const exists = ctx.seenIds.has(condition.question);
    ctx.problem(
      `${pointer}/question`,
      'unknown-question',
      exists
        ? `The condition looks at "${condition.question}", which comes later (or sits in another repeatable group). A condition can only look at questions asked before it.`
        : `The condition looks at "${condition.question}", but the form has no question with that id. Check the spelling against the questions' "id"s.`,
    );
    return;
  }
  checkOperator(ctx, condition, pointer, target.question, scope);
}

/** A date compared with another question's answer: that question must exist here and be a date. */
export function checkDateRef(ctx: CheckContext, ref: DateRef, pointer: string, scope: Scope, selfId?: string): void {
  if (!('question' in ref)) return;
  const target = scope(ref.question);
  if (!target || ref.question === selfId) {
    ctx.problem(
      `${pointer}/question`,
      'unknown-question',
      `There is no date question "${ref.question}" to compare with here. Name another date question of this form.`,
    );
  } else if (target.question.type !== 'date' && target.question.type !== 'computedDate') {
    ctx.problem(
      `${pointer}/question`,
      'not-a-date',
      `"${ref.question}" is a ${target.question.type} question: dates can only be compared with date questions.`,
    );
  }
}

function checkOperator(
  ctx: CheckContext,
  condition: AnswerCondition,
  pointer: string,
  question: AnyQuestion,
  scope: Scope,
): void {
  const type = question.type;
  const options =
    type === 'yesNo' ? ['yes', 'no'] : 'options' in question ? question.options.map((o) => o.value) : undefined;
  const wrong = (op: string, fix: string) =>
    ctx.problem(
      `${pointer}/${op}`,
      'bad-condition',
      `"${condition.question}" is a ${type} question, so "${op}" cannot test it: ${fix}.`,
    );
  const checkValue = (value: unknown, at: string) => {
    if (options && !options.includes(value as string)) {
      ctx.problem(
        at,
        'unknown-option',
        `${JSON.stringify(value)} is not an option of "${condition.question}". Its options are: ${options.join(', ')}.`,
      );
    } else if (type === 'number' && typeof value !== 'number') {
      ctx.problem(
        at,
        'bad-condition',
        `"${condition.question}" is a number question: compare it with a number, not ${JSON.stringify(value)}.`,
      );
    } else if (!options && type !== 'number' && typeof value !== 'string') {
      ctx.problem(
        at,
        'bad-condition',
        `"${condition.question}" has text answers: compare it with text, not ${JSON.stringify(value)}.`,
      );
    }
  };
  const structured = ['address', 'group', 'declaration'].includes(type);
  for (const op of ['equals', 'notEquals', 'in'] as const) {
    if (condition[op] === undefined) continue;
    if (type === 'checkboxes') wrong(op, 'use "includes" to test whether an option is ticked');
    else if (type === 'date' || type === 'computedDate')
      wrong(op, 'use "before", "after", "onOrBefore" or "onOrAfter"');
    else if (structured) wrong(op, 'use "answered"');
    else if (op === 'in') condition.in!.forEach((value, i) => checkValue(value, `${pointer}/in/${i}`));
    else checkValue(condition[op], `${pointer}/${op}`);
  }
  if (condition.includes !== undefined) {
    if (type !== 'checkboxes') wrong('includes', 'use "equals" or "in"');
    else checkValue(condition.includes, `${pointer}/includes`);
  }
  for (const op of ['before', 'after', 'onOrBefore', 'onOrAfter'] as const) {
    const ref = condition[op];
    if (!ref) continue;
    if (type !== 'date' && type !== 'computedDate') wrong(op, 'only dates can be compared with dates');
    else checkDateRef(ctx, ref, `${pointer}/${op}`, scope);
  }
}
