/**
 * The questions answered in one box: a line of text (text, email, phone, number, postcode, NHS
 * number, time), with the input mode, autocomplete and width of its type, and the textarea with
 * its character count.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DEFAULT_MAX_LENGTH } from '../../../engine/runtime.ts';
import { field, fieldId } from '../../shared/govuk/index.ts';
import { around, text, type AnyQuestion, type FieldContext } from './context.ts';

const INPUT_MODES: Record<string, { type: string; inputmode?: string; autocomplete?: string; spellcheck?: string }> = {
  text: { type: 'text' },
  email: { type: 'email', autocomplete: 'email', spellcheck: 'false' },
  phone: { type: 'tel', autocomplete: 'tel' },
  number: { type: 'text', inputmode: 'decimal' },
  postcode: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
  nhsNumber: { type: 'text', inputmode: 'numeric', spellcheck: 'false' },
  time: { type: 'text', inputmode: 'numeric' },
};

const DEFAULT_WIDTHS: Record<string, number> = { postcode: 10, nhsNumber: 10, time: 5, number: 5, phone: 20 };

/** One line of text, in the box its type wants (an email's, a phone number's, a number's with its unit). */
export function singleBox(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const error = ctx.errorAt(ctx.path);
  const mode = INPUT_MODES[question.type]!;
  // The author's autocomplete is for questions about the person filling the form (WCAG 1.3.5);
  // other email and phone boxes are about someone else, so the browser must not fill them.
  const autocomplete =
    'autocomplete' in question && question.autocomplete ? question.autocomplete : mode.autocomplete ? 'off' : undefined;
  const width = ('width' in question && question.width) || DEFAULT_WIDTHS[question.type];
  const unit = question.type === 'number' ? question.unit : undefined;
  return field(
    around(question, ctx, unit ? `${id}-unit` : undefined),
    (describedBy) => html`
    <div class="input-wrapper">
      <input class="input ${width ? `width-${width}` : ''} ${error ? 'input-error' : ''}" id=${id} name=${id}
        type=${mode.type} inputmode=${ifDefined(mode.inputmode)} spellcheck=${ifDefined(mode.spellcheck)} autocomplete=${ifDefined(autocomplete)}
        aria-describedby=${ifDefined(describedBy)}
        .value=${live(text(ctx.value))} @input=${(e: Event) => ctx.set(ctx.path, (e.target as HTMLInputElement).value)}>
      ${unit ? html`<span class="suffix" id="${id}-unit">${unit}</span>` : nothing}
    </div>`,
  );
}

/** A box for a longer answer, with a count of the characters left once near the limit. */
export function textarea(question: Extract<AnyQuestion, { type: 'textarea' }>, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const error = ctx.errorAt(ctx.path);
  const max = question.maxLength ?? DEFAULT_MAX_LENGTH.textarea;
  const length = text(ctx.value).length;
  const left = max - length;
  // Only near the limit is the count worth hearing; before that it would interrupt every word.
  const countShown = left < max * 0.2;
  return field(
    around(question, ctx, `${id}-count`),
    (describedBy) => html`
    <textarea class="textarea ${error || left < 0 ? 'input-error' : ''}" id=${id} name=${id} rows=${question.rows ?? 5}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(text(ctx.value))} @input=${(e: Event) => ctx.set(ctx.path, (e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="hint count ${left < 0 ? 'count-over' : ''}" id="${id}-count" aria-live=${countShown ? 'polite' : 'off'}>
      ${left < 0 ? `You have ${-left} character${left === -1 ? '' : 's'} too many` : countShown ? `You have ${left} character${left === 1 ? '' : 's'} remaining` : `You can enter up to ${max} characters`}
    </div>`,
  );
}
