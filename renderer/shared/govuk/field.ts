/**
 * The field wrapper of the GOV.UK Design System, as govuk-frontend's input, radios and date-input
 * templates compose it: a form group (marked when in error), the label or legend, the hint, the
 * error message, then the control, described by the hint and error through aria-describedby.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy, errorId, errorMessage, hint, hintId, label } from './error-message.ts';

/** What a field says around its control. */
export interface FieldOptions {
  /** The control's id: the label points at it, and the hint's and error's ids grow from it. */
  id: string;
  /** The label's (or legend's) words, with any mark such as "required". */
  label: string | TemplateResult;
  /** The hint under the label. */
  hint?: string | TemplateResult;
  /** The error message, when the answer needs changing. */
  error?: string;
  /** Ids of other text that describes the control, after the hint and the error (a character count, a unit). */
  describedBy?: string;
  /** The form group's part=, a styling hook for the page around the component. */
  part?: string;
}

/** A fieldset's extras: its class, and role="group" where a screen reader should hear the boxes as one answer (a date). */
export interface FieldsetOptions extends FieldOptions {
  className?: string;
  role?: 'group';
  /** Marks the group as in error without a message of its own: its parts carry theirs (an address). */
  invalid?: boolean;
}

/** The ids that describe a field's control: its hint, its error, then the others given. */
export function fieldDescribedBy(options: FieldOptions): string | undefined {
  return describedBy(
    options.hint ? hintId(options.id) : '',
    options.error ? errorId(options.id) : '',
    options.describedBy,
  );
}

/** The form group around a field: a red bar beside it while it is in error. */
export function formGroup(body: TemplateResult, options: { invalid?: boolean; part?: string } = {}): TemplateResult {
  return html`<div class="form-group ${options.invalid ? 'has-error' : ''}" part=${ifDefined(options.part)}>${body}</div>`;
}

/**
 * One box with its label: label, hint, error message, then `control`, which is given the value
 * for its aria-describedby.
 */
export function field(
  options: FieldOptions,
  control: (describedBy: string | undefined) => TemplateResult,
): TemplateResult {
  return formGroup(
    html`
    ${label(options.id, options.label)}
    ${hint(options.id, options.hint)}${errorMessage(options.id, options.error)}
    ${control(fieldDescribedBy(options))}`,
    { invalid: !!options.error, part: options.part },
  );
}

/** A group of boxes or options: a fieldset described by its hint and error, its legend, hint and error message, then `body`. */
export function fieldset(options: FieldsetOptions, body: TemplateResult): TemplateResult {
  return formGroup(
    html`
    <fieldset class="fieldset ${options.className ?? ''}" role=${ifDefined(options.role)} aria-describedby=${ifDefined(fieldDescribedBy(options))}>
      <legend class="label">${options.label}</legend>
      ${hint(options.id, options.hint)}${errorMessage(options.id, options.error)}
      ${body}
    </fieldset>`,
    { invalid: !!options.error || options.invalid, part: options.part },
  );
}
