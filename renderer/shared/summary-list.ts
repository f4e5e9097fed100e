/**
 * The answers as a summary list, page by page (GOV.UK's summary list): check your answers, its
 * printed copy, and a submitted form opened again. Built from the engine's summary.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
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

export const summaryListStyles = css`
  .summary-heading { margin: 40px 0 15px; padding-top: 15px; border-top: 2px solid var(--asc-colour-text); font-size: 1.5rem; }
  .summary-list { margin: 0 0 30px; }
  .summary-row { display: flex; flex-wrap: wrap; border-bottom: 1px solid var(--asc-colour-border); padding: 10px 0; }
  .summary-row dt { flex: 1 1 30%; font-weight: 700; padding-right: 20px; margin: 0 0 5px; }
  .summary-row dd { flex: 1 1 50%; margin: 0 0 5px; white-space: pre-line; overflow-wrap: anywhere; }
  .summary-row .change { flex: 0 0 auto; text-align: right; }
  @media (max-width: 640px) { .summary-row dt, .summary-row dd { flex-basis: 100%; } }
  @media print { .summary-row { break-inside: avoid; } .change { display: none !important; } }
`;
