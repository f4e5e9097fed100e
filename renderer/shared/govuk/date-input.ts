/**
 * The GOV.UK date input, after govuk-frontend's date-input component: day, month and year boxes
 * in a fieldset heard as one answer (role="group"), with its legend, hint and error message. The
 * day box has the field's own id, so an error summary can link to it; the month and year boxes
 * add `-month` and `-year`.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldset, type FieldOptions } from './field.ts';

/** A box of a date input. */
export type DatePart = 'day' | 'month' | 'year';

/** What a date input shows and whom it tells of a change. */
export interface DateInputOptions extends FieldOptions {
  /** The date as "YYYY-MM-DD", or as the boxes give it ("year-month-day", any part empty). */
  value: string | undefined;
  /** Takes the boxes' "year-month-day" as typed, or undefined once all three are empty. */
  set(value: string | undefined): void;
  /** The boxes to mark in error (those missing a part, say); all three when the error names none. */
  invalidParts?: readonly DatePart[];
}

const PARTS: ReadonlyArray<{ part: DatePart; name: string; width: number }> = [
  { part: 'day', name: 'Day', width: 2 },
  { part: 'month', name: 'Month', width: 2 },
  { part: 'year', name: 'Year', width: 4 },
];

/** The id of one box: the day's is the field's own. */
export const datePartId = (id: string, part: DatePart): string => (part === 'day' ? id : `${id}-${part}`);

/** A "year-month-day" value as its day, month and year. */
function dateParts(value: string | undefined): [string, string, string] {
  const [year = '', month = '', day = ''] = typeof value === 'string' ? value.split('-') : [];
  return [day, month, year];
}

/** Day, month and year in a group; a box marked in error is the one to change. */
export function dateInput(options: DateInputOptions): TemplateResult {
  const { id, error, invalidParts } = options;
  const shown = dateParts(options.value);
  // The three boxes as they are now, read from the page: a box typed into before the template
  // renders again still counts.
  const update = (e: Event) => {
    const group = (e.target as HTMLElement).closest('.date-input');
    const [day = '', month = '', year = ''] = [...(group?.querySelectorAll('input') ?? [])].map((box) =>
      box.value.trim(),
    );
    options.set(day || month || year ? `${year}-${month}-${day}` : undefined);
  };
  const box = ({ part, name, width }: (typeof PARTS)[number], index: number) => {
    const boxId = datePartId(id, part);
    const marked = error && (!invalidParts?.length || invalidParts.includes(part));
    return html`
    <div class="date-item">
      <label class="date-label" for=${boxId}>${name}</label>
      <input class="input width-${width} ${marked ? 'input-error' : ''}" id=${boxId} name=${boxId} type="text" inputmode="numeric"
        .value=${live(shown[index]!)} @input=${update}>
    </div>`;
  };
  return fieldset({ ...options, role: 'group' }, html`<div class="date-input">${PARTS.map(box)}</div>`);
}
