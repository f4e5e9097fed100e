/**
 * The questions answered by choosing: yes or no, radios, checkboxes (an exclusive option such as
 * "None of these" clears the others), and a select. The first option has the question's own id,
 * so the error summary can link to it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field, fieldId, fieldset, itemHint, itemHintId } from '../../shared/govuk/index.ts';
import { around, text, type AnyQuestion, type FieldContext } from './context.ts';

/** Radios (yes or no among them) or checkboxes, in a fieldset whose legend is the question. */
export function choices(
  question: Extract<AnyQuestion, { type: 'yesNo' | 'radios' | 'checkboxes' }>,
  ctx: FieldContext,
): TemplateResult {
  const id = fieldId(ctx.path);
  const options =
    question.type === 'yesNo'
      ? [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]
      : question.options;
  const multiple = question.type === 'checkboxes';
  const chosen = multiple ? (Array.isArray(ctx.value) ? (ctx.value as string[]) : []) : [text(ctx.value)];
  const inline = question.type === 'yesNo' || (question.type === 'radios' && question.inline);
  const toggle = (value: string, exclusive: boolean) => (e: Event) => {
    if (!multiple) return ctx.set(ctx.path, value);
    const checked = (e.target as HTMLInputElement).checked;
    const others = options.filter((o) => 'exclusive' in o && o.exclusive).map((o) => o.value);
    // An exclusive option ("None of these") and the others cannot be chosen together.
    const kept = checked
      ? exclusive
        ? []
        : chosen.filter((v) => !others.includes(v))
      : chosen.filter((v) => v !== value);
    ctx.set(ctx.path, checked ? [...kept, value] : kept);
  };
  return fieldset(
    around(question, ctx),
    html`
      <div class="${multiple ? 'checkboxes' : 'radios'} ${inline ? 'inline' : ''}">
        ${options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index + 1}`;
          const exclusive = 'exclusive' in option && option.exclusive === true;
          return html`
            ${exclusive && index > 0 ? html`<div class="divider">or</div>` : nothing}
            <div class="choice">
              <input class="choice-input" id=${optionId} name=${id} type=${multiple ? 'checkbox' : 'radio'} value=${option.value}
                aria-describedby=${ifDefined('hint' in option && option.hint ? itemHintId(optionId) : undefined)}
                .checked=${live(chosen.includes(option.value))} @change=${toggle(option.value, exclusive)}>
              <label class="choice-label" for=${optionId}>${option.label}</label>
              ${itemHint(optionId, 'hint' in option ? option.hint : undefined)}
            </div>`;
        })}
      </div>`,
  );
}

/** A drop-down list, with "Select an option" while nothing is chosen. */
export function select(question: Extract<AnyQuestion, { type: 'select' }>, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const error = ctx.errorAt(ctx.path);
  const value = text(ctx.value);
  return field(
    around(question, ctx),
    (describedBy) => html`
    <select class="select ${error ? 'input-error' : ''}" id=${id} name=${id} aria-describedby=${ifDefined(describedBy)}
      @change=${(e: Event) => ctx.set(ctx.path, (e.target as HTMLSelectElement).value || undefined)}>
      <option value="" ?selected=${!value}>Select an option</option>
      ${question.options.map((option) => html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`)}
    </select>`,
  );
}
