/**
 * What the inbox and the audit log share: filters as a GOV.UK form (text boxes, select boxes,
 * checkboxes) applied with its Apply button, and pages turned back and forth by the cursors the
 * API gives. What the boxes hold (`draft`) changes nothing until Apply; the page shown is of the
 * filters applied.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { field, fieldId } from '../shared/govuk/index.ts';

/** The filters by name: '' for a filter not set. */
export type FilterValues = Record<string, string>;

/** A text box's look: its hint, its width, its type, and its error. */
export interface TextBoxOptions {
  hint?: string;
  width?: string;
  type?: 'text' | 'search';
  error?: string;
}

export class FilterForm<F extends FilterValues> {
  /** What the boxes hold, until Apply. */
  draft: F;
  /** The filters of the page shown, as the API takes them. */
  applied: FilterValues;
  /** The cursors of the pages before this one, to go back; the first page has none. */
  private before: string[] = [];
  private cursor?: string;

  constructor(
    private readonly options: {
      empty: F;
      /** Starts the boxes' ids: `inbox` gives f-inbox-status. */
      idPrefix: string;
      /** Fetches the page the filters and the cursor now say. */
      reload: () => void;
      /** Shows the boxes again after a change that shows or hides some. */
      requestUpdate: () => void;
    },
  ) {
    this.draft = { ...options.empty };
    this.applied = { ...options.empty };
  }

  /** The filters applied, without the empty ones, and the page's cursor when asked. */
  query(withCursor: boolean): URLSearchParams {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(this.applied)) if (value.trim()) query.set(key, value.trim());
    if (withCursor && this.cursor) query.set('cursor', this.cursor);
    return query;
  }

  /** How many pages come before the one shown. */
  get pagesBefore(): number {
    return this.before.length;
  }

  /** Shows the first page of `filters`: what the boxes hold unless given as the API takes them. */
  apply(filters: FilterValues = this.draft): void {
    this.applied = { ...filters };
    this.before = [];
    this.cursor = undefined;
    this.options.reload();
  }

  /** Puts a value in a box; `rerender` when other boxes show or hide by it. */
  set(name: keyof F, value: string, rerender = false): void {
    this.draft = { ...this.draft, [name]: value };
    if (rerender) this.options.requestUpdate();
  }

  /** A box's element id, which an error summary links to. */
  id(name: keyof F & string): string {
    return fieldId(`${this.options.idPrefix}-${name}`);
  }

  /** The form: `body`, then Apply; `submit` checks the boxes first where they need it. */
  form(label: string, body: TemplateResult, submit: () => void = () => this.apply()): TemplateResult {
    return html`<form class="filters" novalidate role="search" aria-label=${label} @submit=${(e: Event) => {
      e.preventDefault();
      submit();
    }}>
        ${body}
        <button type="submit" class="button">Apply</button>
      </form>`;
  }

  textBox(name: keyof F & string, label: string, options: TextBoxOptions = {}): TemplateResult {
    const id = this.id(name);
    const { hint, width = 'width-20', type = 'text', error } = options;
    return field(
      { id, label, hint, error },
      (
        describedBy,
      ) => html`<input class="input ${width} ${error ? 'input-error' : ''}" id=${id} type=${type} spellcheck="false" autocomplete="off"
        aria-describedby=${describedBy ?? nothing} .value=${live(this.draft[name])}
        @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)}>`,
    );
  }

  /** A select box of `[value, words]` options, the first the one for no filter. */
  select(name: keyof F & string, label: string, options: Array<[string, string]>, rerender = false): TemplateResult {
    const id = this.id(name);
    return field(
      { id, label },
      () =>
        html`<select class="select" id=${id} @change=${(e: Event) => this.set(name, (e.target as HTMLSelectElement).value, rerender)}>${options.map(
          ([value, text]) => html`<option value=${value} ?selected=${this.draft[name] === value}>${text}</option>`,
        )}</select>`,
    );
  }

  /** GOV.UK checkboxes under a legend, each a filter that is "yes" when ticked; small enough to sit beside the others. */
  checkboxes(legend: string, boxes: Array<[keyof F & string, string]>): TemplateResult {
    const box = ([name, label]: [keyof F & string, string]) => {
      const id = this.id(name);
      return html`<div class="choice">
        <input class="choice-input" id=${id} type="checkbox" .checked=${live(this.draft[name] === 'yes')}
          @change=${(e: Event) => this.set(name, (e.target as HTMLInputElement).checked ? 'yes' : '')}>
        <label class="choice-label" for=${id}>${label}</label>
      </div>`;
    };
    return html`<div class="form-group"><fieldset class="fieldset">
      <legend class="label">${legend}</legend>
      <div class="checkboxes">${boxes.map(box)}</div>
    </fieldset></div>`;
  }

  /** Previous page (on any but the first) and Next page (while the API gives a cursor for one). */
  pagination(label: string, nextCursor: string | undefined): TemplateResult {
    const turn = (to: 'next' | 'previous') => {
      if (to === 'next' && nextCursor) {
        this.before.push(this.cursor ?? '');
        this.cursor = nextCursor;
      } else if (to === 'previous') this.cursor = this.before.pop() || undefined;
      this.options.reload();
    };
    return html`<nav class="pagination" aria-label=${label}>
          ${this.before.length ? html`<button type="button" class="button secondary" @click=${() => turn('previous')}>Previous page</button>` : nothing}
          ${nextCursor ? html`<button type="button" class="button secondary" @click=${() => turn('next')}>Next page</button>` : nothing}
        </nav>`;
  }
}
