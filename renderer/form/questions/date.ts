/** The date questions: three boxes (day, month, year) in a group, and a date worked out from other answers. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatDate, type AnswerValue } from '../../../engine/runtime.ts';
import { fieldId, fieldset, formGroup, hint } from '../../shared/govuk/index.ts';
import { around, type AnyQuestion, type FieldContext } from './context.ts';

function dateParts(value: AnswerValue | undefined): [string, string, string] {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return [day, month, year];
}

/** Day, month and year, heard as one answer (role="group"); the first box has the question's id. */
export function dateInput(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const error = ctx.errorAt(ctx.path);
  const [day, month, year] = dateParts(ctx.value);
  const update = (part: 0 | 1 | 2) => (e: Event) => {
    const parts = dateParts(ctx.value);
    parts[part] = (e.target as HTMLInputElement).value.trim();
    ctx.set(ctx.path, parts.every((p) => !p) ? undefined : `${parts[2]}-${parts[1]}-${parts[0]}`);
  };
  const box = (part: 0 | 1 | 2, name: string, value: string, boxId: string, width: number) => html`
    <div class="date-item">
      <label class="date-label" for=${boxId}>${name}</label>
      <input class="input width-${width} ${error ? 'input-error' : ''}" id=${boxId} name=${boxId} type="text" inputmode="numeric"
        .value=${live(value)} @input=${update(part)}>
    </div>`;
  return fieldset(
    { ...around(question, ctx), hint: question.hint ?? 'For example, 27 3 2007', role: 'group' },
    html`
    <div class="date-input">
      ${box(0, 'Day', day, id, 2)}${box(1, 'Month', month, `${id}-month`, 2)}${box(2, 'Year', year, `${id}-year`, 4)}
    </div>`,
  );
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
