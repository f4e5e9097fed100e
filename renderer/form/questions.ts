/**
 * One template per question type, in the GOV.UK Design System's patterns: a label (or a fieldset
 * and legend for a group of boxes), the hint, the error message, then the boxes. Each box's id
 * comes from the answer's path, so the error summary can link to it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  ADDRESS_PARTS,
  DEFAULT_MAX_LENGTH,
  capitalise,
  formatDate,
  isQuestion,
  pluralOf,
  type AddressAnswer,
  type AnswerValue,
  type Answers,
  type ChildQuestion,
  type Form,
  type GroupItem,
  type ItemAnswers,
  type Page,
  type Question,
} from '../../engine/runtime.ts';
import { contentBlock } from '../shared/rich-text.ts';
import {
  errorMessage,
  field,
  fieldDescribedBy,
  fieldset,
  formGroup,
  hint,
  itemHint,
  itemHintId,
  label,
  type FieldOptions,
} from '../shared/govuk/index.ts';

/** The element id of the box an answer path names: "consultees.0.name" is "f-consultees-0-name". */
export function fieldId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** What a question's template needs from the form around it. */
export interface FieldContext {
  path: string;
  value: AnswerValue | undefined;
  /** The error message for a box, by its answer path. */
  errorAt(path: string): string | undefined;
  /** Stores a new answer at this path. */
  set(path: string, value: AnswerValue | undefined): void;
  /** Whether a question inside a repeatable group's item is shown. */
  isShown(item: GroupItem, at: { group: string; index: number }): boolean;
  addItem(path: string): void;
  removeItem(path: string, index: number): void;
}

type AnyQuestion = Question | ChildQuestion;

function requiredMark(question: AnyQuestion): TemplateResult | typeof nothing {
  return question.required
    ? html`<span class="required" aria-hidden="true"> *</span><span class="visually-hidden"> (required)</span>`
    : nothing;
}

/** What the field wrapper says around a question's boxes: its label, hint and error. */
function around(question: AnyQuestion, ctx: FieldContext, describedBy?: string): FieldOptions {
  return {
    id: fieldId(ctx.path),
    label: html`${question.label}${requiredMark(question)}`,
    hint: question.hint,
    error: ctx.errorAt(ctx.path),
    describedBy,
    part: 'question',
  };
}

function text(value: AnswerValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

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

function singleBox(question: AnyQuestion, ctx: FieldContext): TemplateResult {
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

function textarea(question: Extract<AnyQuestion, { type: 'textarea' }>, ctx: FieldContext): TemplateResult {
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

function dateParts(value: AnswerValue | undefined): [string, string, string] {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return [day, month, year];
}

function dateInput(question: AnyQuestion, ctx: FieldContext): TemplateResult {
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

function choices(
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

function select(question: Extract<AnyQuestion, { type: 'select' }>, ctx: FieldContext): TemplateResult {
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

function address(question: AnyQuestion, ctx: FieldContext): TemplateResult {
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
              aria-describedby=${ifDefined(error ? `${partId}-error` : undefined)}
              .value=${live(value[part] ?? '')}
              @input=${(e: Event) => ctx.set(ctx.path, { ...value, [part]: (e.target as HTMLInputElement).value })}>
          </div>`;
      })}`,
  );
}

function declaration(question: AnyQuestion, ctx: FieldContext): TemplateResult {
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

function computedDate(question: Extract<AnyQuestion, { type: 'computedDate' }>, ctx: FieldContext): TemplateResult {
  const id = fieldId(ctx.path);
  return formGroup(
    html`
    <p class="label" id="${id}-label">${question.label}</p>
    ${hint(id, question.hint)}
    <p class="computed" id=${id} aria-live="polite" aria-labelledby="${id}-label ${id}">
      ${typeof ctx.value === 'string' ? formatDate(ctx.value) : 'Worked out when you have answered the questions above'}
    </p>`,
    { part: 'question' },
  );
}

function repeatable(question: Extract<AnyQuestion, { type: 'group' }>, ctx: FieldContext): TemplateResult {
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

/** A question or a text block, as it stands among a page's or an item's questions. */
export function renderItem(
  item: GroupItem | Question | Parameters<typeof contentBlock>[0],
  ctx: FieldContext,
): TemplateResult {
  return isQuestion(item as GroupItem)
    ? renderQuestion(item as AnyQuestion, ctx)
    : contentBlock(item as Parameters<typeof contentBlock>[0]);
}

/** The template for one question, whatever its type. */
export function renderQuestion(question: AnyQuestion, ctx: FieldContext): TemplateResult {
  switch (question.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'number':
    case 'postcode':
    case 'nhsNumber':
    case 'time':
      return singleBox(question, ctx);
    case 'textarea':
      return textarea(question, ctx);
    case 'date':
      return dateInput(question, ctx);
    case 'yesNo':
    case 'radios':
    case 'checkboxes':
      return choices(question, ctx);
    case 'select':
      return select(question, ctx);
    case 'address':
      return address(question, ctx);
    case 'declaration':
      return declaration(question, ctx);
    case 'computedDate':
      return computedDate(question, ctx);
    case 'group':
      return repeatable(question, ctx);
  }
}

/** The questions (and text blocks among them) of `page` that the answers show; `contextFor` gives each its answer and the ways to change it. */
export function pageQuestions(
  form: Form,
  page: Page,
  answers: Answers,
  contextFor: (path: string, value: AnswerValue | undefined) => FieldContext,
): TemplateResult {
  return html`${(page.questions ?? [])
    .filter((item) => form.isShown(item, answers))
    .map((item) => {
      const id = 'id' in item && item.id ? item.id : '';
      return renderItem(item, contextFor(id, answers[id]));
    })}`;
}

/** The page's text that the answers show: above the questions, but on check-your-answers after the answers, next to Submit, where "what happens next" belongs. */
export function pageContent(form: Form, page: Page, answers: Answers): TemplateResult {
  return html`${(page.content ?? []).filter((block) => form.isShown(block, answers)).map(contentBlock)}`;
}
