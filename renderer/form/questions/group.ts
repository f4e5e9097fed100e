/** The repeatable group: an item (a fieldset) per answer, each with its questions, and buttons to add and remove items. */
import { html, nothing, type TemplateResult } from 'lit';
import { capitalise, pluralOf, type GroupItem, type ItemAnswers } from '../../../engine/runtime.ts';
import { fieldId, fieldset } from '../../shared/govuk/index.ts';
import { around, type AnyQuestion, type FieldContext } from './context.ts';

/** The group's items, each question in them drawn by `renderItem` (the index's, which knows every type). */
export function repeatable(
  question: Extract<AnyQuestion, { type: 'group' }>,
  ctx: FieldContext,
  renderItem: (item: GroupItem, ctx: FieldContext) => TemplateResult,
): TemplateResult {
  const id = fieldId(ctx.path);
  const items = Array.isArray(ctx.value) ? (ctx.value as ItemAnswers[]) : [];
  const name = question.itemName;
  const Name = capitalise(name);
  const full = items.length >= question.maxItems;
  return fieldset(
    { ...around(question, ctx), className: 'repeatable' },
    html`
      ${items.map(
        (item, index) => html`
        <fieldset class="item" id="${id}-item-${index}">
          <legend class="item-legend">${Name} ${index + 1}</legend>
          ${question.questions.map((child) =>
            ctx.isShown(child, { group: ctx.path, index })
              ? renderItem(child, {
                  ...ctx,
                  path: `${ctx.path}.${index}.${'id' in child ? child.id : ''}`,
                  value: 'id' in child && child.id ? item[child.id] : undefined,
                })
              : nothing,
          )}
          <button type="button" class="button secondary small" @click=${() => ctx.removeItem(ctx.path, index)}>
            Remove<span class="visually-hidden"> ${name} ${index + 1}</span>
          </button>
        </fieldset>`,
      )}
      ${
        full
          ? html`<p class="hint">You have added the most ${pluralOf(question)} this form takes (${question.maxItems}).</p>`
          : html`<button type="button" class="button secondary" id=${id} @click=${() => ctx.addItem(ctx.path)}>
            ${items.length ? `Add another ${name}` : `Add a ${name}`}</button>`
      }`,
  );
}
