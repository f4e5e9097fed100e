/**
 * One question's rows on check your answers, print, email and the staff view: its answer as a
 * person reads it, or one row for each item of a group.
 */
import type { Answers, ItemAnswers, Question, SummaryRow } from '../types.ts';
import { groupChildren } from './model.ts';
import { evaluateCondition, isAnswered, type AnswerLookup } from './conditions.ts';
import { displayLines } from './display.ts';
import { capitalise } from './messages.ts';
import type { SummaryOptions } from './form.ts';

/** The rows of a visible question, already in its words for these answers. */
export function summaryRows(
  question: Question,
  prepared: Answers,
  options: SummaryOptions,
  today: string,
): SummaryRow[] {
  const value = prepared[question.id];
  const label = question.summaryLabel ?? question.label;
  const show = options.showSensitive === true;
  if (question.type !== 'group' || !isAnswered(value)) {
    const lines = displayLines(question, value, show);
    return lines.length || options.includeUnanswered
      ? [{ questionId: question.id, path: changePath(question), label, lines }]
      : [];
  }
  const children = groupChildren(question);
  return (value as ItemAnswers[]).map((item, index) => {
    const lookup: AnswerLookup = (id) => (id in item ? item[id] : prepared[id]);
    const lines = children
      .filter((child) => !child.showIf || evaluateCondition(child.showIf, lookup, today))
      .flatMap((child) => {
        const shown = displayLines(child, item[child.id], show);
        return shown.length ? [`${child.summaryLabel ?? child.label}: ${shown.join(', ')}`] : [];
      });
    return {
      questionId: question.id,
      path: `${question.id}.${index}`,
      label: `${capitalise(question.itemName)} ${index + 1}`,
      lines,
    };
  });
}

/** Where a Change link for a question's answer goes: the box to correct. A computed date is changed through the date it starts from. */
function changePath(question: Question): string {
  if (question.type === 'address') return `${question.id}.line1`;
  if (question.type === 'computedDate') return question.compute.date;
  return question.id;
}
