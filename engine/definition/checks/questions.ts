/**
 * Each item of a page: its condition, and for a question its wording (and the answers it shows),
 * its limits, what it is prefilled from, the dates its rules compare with, and what a computed
 * date is computed from.
 */
import type { GroupItem, PageItem } from '../../types.ts';
import { isQuestion } from '../../types.ts';
import type { AnyQuestion, CheckContext, Scope } from './context.ts';
import { checkCondition, checkDateRef, checkShowIf } from './conditions.ts';
import { checkLimits } from './limits.ts';
import { canEverHold } from '../satisfiable.ts';
import { checkPrefill } from './prefill.ts';
import { checkWordedTexts } from './wording.ts';

export function checkItem(
  ctx: CheckContext,
  item: PageItem | GroupItem,
  pointer: string,
  position: number,
  groupId?: string,
): void {
  const scope = ctx.scopeAt(position, groupId);
  const name = 'id' in item && item.id ? `"${item.id}"` : 'This text';
  if (item.showIf) checkShowIf(ctx, item.showIf, `${pointer}/showIf`, scope, name, !isQuestion(item));
  if (!isQuestion(item)) return;
  const question = item as AnyQuestion;
  checkWording(ctx, question, pointer);
  checkLimits(ctx, question, pointer);
  if (question.requiredWhen) checkRequiredWhen(ctx, question, pointer, scope);
  checkWordedTexts(ctx, question, pointer, scope);
  checkPrefill(ctx, question, pointer, scope, groupId);
  if (question.type === 'date' || question.type === 'computedDate') {
    (question.rules ?? []).forEach((rule, r) => {
      const rulePointer = `${pointer}/rules/${r}`;
      for (const op of ['before', 'after', 'notBefore', 'notAfter'] as const) {
        const ref = rule[op];
        if (ref) checkDateRef(ctx, ref, `${rulePointer}/${op}`, (id) => ctx.anyDateQuestion(id, groupId), question.id);
      }
      if (rule.when) checkCondition(ctx, rule.when, `${rulePointer}/when`, scope);
    });
  }
  if (question.type === 'computedDate') {
    const start = scope(question.compute.date);
    const days = scope(question.compute.addDaysFrom);
    if (start?.question.type !== 'date' && start?.question.type !== 'computedDate') {
      ctx.problem(
        `${pointer}/compute/date`,
        'bad-compute',
        `"${question.compute.date}" must be a date (or computed date) question asked before "${question.id}".`,
      );
    }
    if (days?.question.type !== 'number' || !days.question.integer) {
      ctx.problem(
        `${pointer}/compute/addDaysFrom`,
        'bad-compute',
        `"${question.compute.addDaysFrom}" must be a number question with "integer": true, asked before "${question.id}".`,
      );
    }
  }
}

/**
 * Mandatory only sometimes: not as well as always, never for a date nobody types, with a condition
 * that can hold, and a hint telling the person when, since no asterisk does.
 */
function checkRequiredWhen(ctx: CheckContext, question: AnyQuestion, pointer: string, scope: Scope): void {
  const at = `${pointer}/requiredWhen`;
  if (question.required) {
    ctx.problem(
      at,
      'bad-required-when',
      `"${question.id}" is "required" always, so "requiredWhen" means nothing: keep one of them.`,
    );
  } else if (question.type === 'computedDate') {
    ctx.problem(at, 'bad-required-when', `"${question.id}" is worked out, never typed: it cannot be "requiredWhen".`);
  } else if (!question.hint) {
    ctx.problem(
      `${pointer}/hint`,
      'missing-hint',
      `"${question.id}" is mandatory only sometimes, and shows no asterisk: its "hint" must tell the person when it must be answered.`,
    );
  }
  const before = ctx.problems.length;
  checkCondition(ctx, question.requiredWhen!, at, scope);
  if (ctx.problems.length === before && !canEverHold(question.requiredWhen!, (id) => ctx.questionWithId(id))) {
    ctx.problem(
      at,
      'never-required',
      `"${question.id}" can never be mandatory: no answers make its "requiredWhen" condition true. Check the values and the all/any/not it combines.`,
    );
  }
}

/** A label that asks a question needs a subject for its error messages. */
function checkWording(ctx: CheckContext, question: AnyQuestion, pointer: string): void {
  const needsSubject = !['declaration', 'computedDate', 'group'].includes(question.type);
  if (needsSubject && !question.subject && /\?\s*$/.test(question.label)) {
    ctx.problem(
      pointer,
      'missing-subject',
      `"${question.id}" asks a question, so its error messages need a "subject": a phrase such as "the person's date of birth", which gives "Enter the person's date of birth".`,
    );
  }
}
