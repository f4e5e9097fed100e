/** The declaration: one checkbox whose label is the statement the person agrees to. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorMessage, fieldDescribedBy, fieldId, formGroup, hint, label } from '../../shared/govuk/index.ts';
import { around, requiredMark, type AnyQuestion, type FieldContext } from './context.ts';

/** The statement and its checkbox, the hint and error above it. */
export function declaration(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  const error = ctx.errorAt(ctx.path);
  return formGroup(
    html`
    ${hint(id, question.hint)}${errorMessage(id, error)}
    <div class="checkboxes">
      <div class="choice">
        <input class="choice-input" id=${id} name=${id} type="checkbox" value="true"
          aria-describedby=${ifDefined(fieldDescribedBy(around(question, ctx)))}
          .checked=${live(ctx.value === true)} @change=${(e: Event) => ctx.set(ctx.path, (e.target as HTMLInputElement).checked || undefined)}>
        ${label(id, html`${question.label}${requiredMark(question)}`, 'choice-label declaration-label')}
      </div>
    </div>`,
    { invalid: !!error, part: 'question' },
  );
}
