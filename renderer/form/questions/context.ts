/**
 * What every question's template shares: the context it is given (its answer and the ways to
 * change it), and the label, hint and error the field wrapper says around its boxes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnswerValue, ChildQuestion, GroupItem, Question } from '../../../engine/runtime.ts';
import { fieldId, type FieldOptions } from '../../shared/govuk/index.ts';

/** What a question's template needs from the form around it. */
export interface FieldContext {
  path: string;
  value: AnswerValue | undefined;
  /** The error message for a box, by its answer path. */
  errorAt(path: string): string | undefined;
  /** Stores a new answer at this path. */
  set(path: string, value: AnswerValue | undefined): void;
  /** The answer at this path as the form works it out from the answers typed so far (a computed date, say). */
  worked(path: string): AnswerValue | undefined;
  /** Whether a question inside a repeatable group's item is shown. */
  isShown(item: GroupItem, at: { group: string; index: number }): boolean;
  addItem(path: string): void;
  removeItem(path: string, index: number): void;
}

/** A question of a page, or one inside a repeatable group. */
export type AnyQuestion = Question | ChildQuestion;

/** The visible star and the words "(required)" for a screen reader, after a required question's label. */
export function requiredMark(question: AnyQuestion): TemplateResult | typeof nothing {
  return question.required
    ? html`<span class="required" aria-hidden="true"> *</span><span class="visually-hidden"> (required)</span>`
    : nothing;
}

/** What the field wrapper says around a question's boxes: its label, hint and error. */
export function around(question: AnyQuestion, ctx: FieldContext, describedBy?: string): FieldOptions {
  return {
    id: fieldId(ctx.path),
    label: html`${question.label}${requiredMark(question)}`,
    hint: question.hint,
    error: ctx.errorAt(ctx.path),
    describedBy,
    part: 'question',
  };
}

/** An answer as the text a box shows. */
export function text(value: AnswerValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
