/**
 * GOV.UK radios for the staff screens, with conditional reveal: what an option needs (the outcome
 * under Closed, the question under More information needed) shows under it only while it is
 * chosen (the option names it with aria-controls, as govuk-frontend's radios do). The first option has the
 * group's own id, so the error summary can link to it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldId } from '../shared/govuk/index.ts';

export function radios(
  name: string,
  chosen: string,
  options: Array<{ value: string; label: string }>,
  set: (name: string, value: string) => void,
  reveals: Record<string, () => TemplateResult> = {},
): TemplateResult {
  const id = fieldId(name);
  return html`<div class="radios">${options.map((option, index) => {
    const optionId = index === 0 ? id : `${id}-${index + 1}`;
    const reveal = reveals[option.value];
    const open = reveal && chosen === option.value;
    return html`
      <div class="choice">
        <input class="choice-input" id=${optionId} name=${id} type="radio" value=${option.value}
          aria-controls=${reveal ? `${optionId}-reveal` : nothing}
          .checked=${live(chosen === option.value)} @change=${() => set(name, option.value)}>
        <label class="choice-label" for=${optionId}>${option.label}</label>
      </div>
      ${reveal ? html`<div class="radios-conditional" id="${optionId}-reveal" ?hidden=${!open}>${open ? reveal() : nothing}</div>` : nothing}`;
  })}</div>`;
}
