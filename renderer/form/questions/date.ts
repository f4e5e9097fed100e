/** The date questions: three boxes (day, month, year) in a group, and a date worked out from other answers. */
import { html, type TemplateResult } from 'lit';
import { formatDate } from '../../../engine/runtime.ts';
import { dateInput as govukDateInput, fieldId, formGroup, hint } from '../../shared/govuk/index.ts';
import { around, type AnyQuestion, type FieldContext } from './context.ts';

/** Day, month and year, heard as one answer (role="group"); the first box has the question's id. */
export function dateInput(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  return govukDateInput({
    ...around(question, ctx),
    hint: question.hint ?? 'For example, 27 3 2007',
    value: typeof ctx.value === 'string' ? ctx.value : undefined,
    set: (value) => ctx.set(ctx.path, value),
  });
}

/**
 * A date the form works out (the day an authorisation ends, say) from answers on the page, shown
 * as soon as they are given and read out politely, with its label, each time it changes.
 */
export function computedDate(
  question: Extract<AnyQuestion, { type: 'computedDate' }>,
  ctx: FieldContext,
): TemplateResult {
  const id = fieldId(ctx.path);
  const worked = ctx.worked(ctx.path);
  return formGroup(
    html`
    <p class="label" aria-hidden="true">${question.label}</p>
    ${hint(id, question.hint)}
    <p class="computed" id=${id} aria-live="polite" aria-atomic="true">
      <span class="visually-hidden">${question.label}: </span>${typeof worked === 'string' ? formatDate(worked) : 'Worked out when you have answered the questions above'}
    </p>`,
    { part: 'question' },
  );
}
