/**
 * The smallest GOV.UK blocks, after govuk-frontend's hint, error-message and label macros. Each
 * takes the id of the box it belongs to and names its own element from it, so the ids that
 * aria-describedby joins are always the same: `<id>-hint`, `<id>-error`, `<option id>-item-hint`.
 */
import { html, nothing, type TemplateResult } from 'lit';

/**
 * The element id of a box by its name or answer path, which the error summary links to:
 * "consultees.0.name" is "f-consultees-0-name", "email" is "f-email".
 */
export const fieldId = (path: string): string => `f-${path.replace(/\./g, '-')}`;
/** The id of a box's hint. */
export const hintId = (id: string): string => `${id}-hint`;
/** The id of a box's error message. */
export const errorId = (id: string): string => `${id}-error`;
/**
 * The id of one option's hint. Not `<option id>-hint`: the first option has the question's own
 * id (so the error summary can link to it), and its hint would then take the question's hint id.
 */
export const itemHintId = (optionId: string): string => `${optionId}-item-hint`;

/** The ids given, without the empty ones, as aria-describedby wants them; undefined when none is left. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** A box's hint, id `<id>-hint`; nothing without text. */
export function hint(id: string, text: string | TemplateResult | undefined): TemplateResult | typeof nothing {
  return text ? html`<div class="hint" id=${hintId(id)}>${text}</div>` : nothing;
}

/** One option's hint under its label, id `<option id>-item-hint`; nothing without text. */
export function itemHint(optionId: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<div class="hint choice-hint" id=${itemHintId(optionId)}>${text}</div>` : nothing;
}

/**
 * A box's error message, id `<id>-error`, led by a visually hidden "Error:" so a screen reader
 * that reads it through aria-describedby says what it is; `visuallyHiddenText` false leaves it out.
 * Nothing without a message.
 */
export function errorMessage(
  id: string,
  message: string | undefined,
  visuallyHiddenText: string | false = 'Error',
): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="error-message" id=${errorId(id)}>${visuallyHiddenText ? html`<span class="visually-hidden">${visuallyHiddenText}:</span> ` : nothing}${message}</p>`;
}

/** A label for the box `forId`. */
export function label(forId: string, text: string | TemplateResult, className = 'label'): TemplateResult {
  return html`<label class=${className} for=${forId}>${text}</label>`;
}
