/**
 * One template per question type, in the GOV.UK Design System's patterns: a label (or a fieldset
 * and legend for a group of boxes), the hint, the error message, then the boxes. Each type's
 * markup is in the module named after its kind; this picks one by the question's type. Each
 * box's id comes from the answer's path (fieldId), so the error summary can link to it.
 */
import { html, type TemplateResult } from 'lit';
import {
  isQuestion,
  type AnswerValue,
  type Answers,
  type Form,
  type GroupItem,
  type Page,
  type Question,
} from '../../../engine/runtime.ts';
import { contentBlock } from '../../shared/rich-text.ts';
import type { AnyQuestion, FieldContext } from './context.ts';
import { singleBox, textarea } from './single-box.ts';
import { computedDate, dateInput } from './date.ts';
import { choices, select } from './choices.ts';
import { address } from './address.ts';
import { declaration } from './declaration.ts';
import { repeatable } from './group.ts';

export type { FieldContext } from './context.ts';

/** A question or a text block, as it stands among a page's or an item's questions. */
function renderItem(
  item: GroupItem | Question | Parameters<typeof contentBlock>[0],
  ctx: FieldContext,
): TemplateResult {
  return isQuestion(item as GroupItem)
    ? renderQuestion(item as AnyQuestion, ctx)
    : contentBlock(item as Parameters<typeof contentBlock>[0]);
}

/** The template for one question, whatever its type. */
function renderQuestion(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  switch (question.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'number':
    case 'postcode':
    case 'nhsNumber':
    case 'time':
      return singleBox(question, ctx);
    case 'textarea':
      return textarea(question, ctx);
    case 'date':
      return dateInput(question, ctx);
    case 'computedDate':
      return computedDate(question, ctx);
    case 'yesNo':
    case 'radios':
    case 'checkboxes':
      return choices(question, ctx);
    case 'select':
      return select(question, ctx);
    case 'address':
      return address(question, ctx);
    case 'declaration':
      return declaration(question, ctx);
    case 'group':
      return repeatable(question, ctx, renderItem);
  }
}

/** The questions (and text blocks among them) of `page` that the answers show; `contextFor` gives each its answer and the ways to change it. */
export function pageQuestions(
  form: Form,
  page: Page,
  answers: Answers,
  signedIn: boolean,
  contextFor: (path: string, value: AnswerValue | undefined) => FieldContext,
): TemplateResult {
  // Labels and hints may show earlier answers ("Does Edith Marsh object ...?").
  const word = form.wording(answers);
  return html`${(page.questions ?? [])
    .filter((item) => form.isShown(item, answers, undefined, { signedIn }))
    .map((item) => {
      const id = 'id' in item && item.id ? item.id : '';
      return renderItem(isQuestion(item) ? word(item) : item, contextFor(id, answers[id]));
    })}`;
}

/**
 * The page's text that the answers (and whether the person is signed in) show: above the
 * questions, but on check-your-answers after the answers, next to Submit, where "what happens
 * next" belongs.
 */
export function pageContent(form: Form, page: Page, answers: Answers, signedIn: boolean): TemplateResult {
  return html`${(page.content ?? []).filter((block) => form.isShown(block, answers, undefined, { signedIn })).map(contentBlock)}`;
}
