/** The address question: a box for each part, each with its own error message. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ADDRESS_PARTS, type AddressAnswer } from '../../../engine/runtime.ts';
import { errorId, errorMessage, fieldId, fieldset } from '../../shared/govuk/index.ts';
import { around, type AnyQuestion, type FieldContext } from './context.ts';

/** An address, part by part; the browser fills it in only for the person's own address. */
export function address(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  const value = (
    ctx.value && typeof ctx.value === 'object' && !Array.isArray(ctx.value) ? ctx.value : {}
  ) as AddressAnswer;
  const anyError = (Object.keys(ADDRESS_PARTS) as Array<keyof AddressAnswer>).some((part) =>
    ctx.errorAt(`${ctx.path}.${part}`),
  );
  const own = 'autocomplete' in question && question.autocomplete === 'street-address';
  const autocomplete: Record<string, string> = {
    line1: 'address-line1',
    line2: 'address-line2',
    town: 'address-level2',
    county: 'address-level1',
    postcode: 'postal-code',
  };
  // The parts carry their own messages; the group is only marked.
  return fieldset(
    { ...around(question, ctx), error: undefined, invalid: anyError },
    html`
      ${(Object.entries(ADDRESS_PARTS) as Array<[keyof AddressAnswer, { label: string }]>).map(([part, { label }]) => {
        const partPath = `${ctx.path}.${part}`;
        const partId = fieldId(partPath);
        const error = ctx.errorAt(partPath);
        return html`
          <div class="address-part ${error ? 'has-error' : ''}">
            <label class="part-label" for=${partId}>${label}</label>
            ${errorMessage(partId, error)}
            <input class="input ${part === 'postcode' ? 'width-10' : part === 'town' || part === 'county' ? 'width-20' : ''} ${error ? 'input-error' : ''}"
              id=${partId} name=${partId} type="text" autocomplete=${own ? autocomplete[part]! : 'off'}
              aria-describedby=${ifDefined(error ? errorId(partId) : undefined)}
              .value=${live(value[part] ?? '')}
              @input=${(e: Event) => ctx.set(ctx.path, { ...value, [part]: (e.target as HTMLInputElement).value })}>
          </div>`;
      })}`,
  );
}
