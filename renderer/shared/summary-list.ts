/**
 * The answers as a summary list, page by page (GOV.UK's summary list): check your answers, its
 * printed copy, and a submitted form opened again. Built from the engine's summary.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SummaryPage } from '../../engine/runtime.ts';
import { fieldId } from './govuk/index.ts';

/** Follows a Change link (or a missing answer's link) to the page and box of an answer. */
export type OnChange = (event: Event, pageId: string, path: string) => void;

/** Each page's answers as a summary list; with `onChange`, each row has its Change link. */
export function summaryLists(summary: SummaryPage[], onChange?: OnChange): TemplateResult {
  return html`${summary.map(
    (page) => html`
    <h2 class="summary-heading">${page.title}</h2>
    <dl class="summary-list">
      ${page.rows.map(
        (row) => html`
        <div class="summary-row">
          <dt>${row.label}</dt>
          <dd>${row.lines.join('\n')}</dd>
          ${onChange ? html`<dd class="change"><a href="#${fieldId(row.path)}" @click=${(e: Event) => onChange(e, page.pageId, row.path)}>Change<span class="visually-hidden"> ${row.label}</span></a></dd>` : nothing}
        </div>`,
      )}
    </dl>`,
  )}`;
}
