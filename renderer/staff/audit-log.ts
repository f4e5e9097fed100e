/**
 * The audit log, for staff administrators: its entries the newest first in a GOV.UK table
 * (scrolling in its own box on a narrow screen, as the inbox's does), the filters as a form with
 * an Apply button, pages of 50, and the filtered log to download as CSV or JSON.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { AUDIT_EVENT_LABELS, type AuditLogEntry, type AuditLogPage } from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { errorSummary, field, fieldId } from '../shared/govuk/index.ts';
import { longDate, timeOfDay } from '../shared/when.ts';

/** What the audit log needs from the element that shows it. */
export interface AuditHost {
  readonly apiBase: string;
  readonly timeZone?: string;
  requestUpdate(): void;
}

type Filters = { reference: string; event: string; who: string; from: string; to: string };
const NO_FILTERS: Filters = { reference: '', event: '', who: '', from: '', to: '' };
const OUTCOMES: Record<AuditLogEntry['outcome'], string> = {
  success: 'Done',
  failure: 'Failed',
  refused: 'Refused',
};

export class AuditScreen {
  /** The filters applied to the entries shown; `draft` is what the boxes hold until Apply. */
  private applied: Filters = { ...NO_FILTERS };
  private draft: Filters = { ...NO_FILTERS };
  /** The cursors of the pages before this one, to go back; the first page has none. */
  private cursors: string[] = [];
  private cursor?: string;
  private page?: AuditLogPage;
  private problem?: string;

  constructor(private readonly host: AuditHost) {}

  private query(withCursor: boolean): URLSearchParams {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(this.applied)) if (value.trim()) query.set(key, value.trim());
    if (withCursor && this.cursor) query.set('cursor', this.cursor);
    return query;
  }

  /** Fetches the page asked for; focus stays where the person is. */
  async load(): Promise<void> {
    this.problem = undefined;
    try {
      this.page = await staffApi.audit(this.host.apiBase, this.query(true));
    } catch (error) {
      this.page = undefined;
      this.problem = `We could not fetch the audit log: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  }

  private apply(event: Event): void {
    event.preventDefault();
    this.applied = { ...this.draft };
    this.cursors = [];
    this.cursor = undefined;
    void this.load();
  }

  private turn(to: 'next' | 'previous'): void {
    if (to === 'next' && this.page?.nextCursor) {
      this.cursors.push(this.cursor ?? '');
      this.cursor = this.page.nextCursor;
    } else if (to === 'previous') this.cursor = this.cursors.pop() || undefined;
    void this.load();
  }

  private box(name: keyof Filters, label: string, hint: string, width = 'width-20'): TemplateResult {
    const id = fieldId(`audit-${name}`);
    return field(
      { id, label, hint },
      (describedBy) => html`<input class="input ${width}" id=${id} type="text" spellcheck="false" autocomplete="off"
        aria-describedby=${describedBy ?? nothing} .value=${live(this.draft[name])}
        @input=${(e: Event) => {
          this.draft = { ...this.draft, [name]: (e.target as HTMLInputElement).value };
        }}>`,
    );
  }

  private eventChoice(): TemplateResult {
    const id = fieldId('audit-event');
    const options: Array<[string, string]> = [['', 'Any event'], ...Object.entries(AUDIT_EVENT_LABELS)];
    return field(
      { id, label: 'Event' },
      () =>
        html`<select class="select" id=${id} @change=${(e: Event) => {
          this.draft = { ...this.draft, event: (e.target as HTMLSelectElement).value };
        }}>${options.map(([value, text]) => html`<option value=${value} ?selected=${this.draft.event === value}>${text}</option>`)}</select>`,
    );
  }

  render(): TemplateResult {
    const page = this.page;
    return html`
      <h1 tabindex="-1">Audit log</h1>
      <p>Every sign-in, every look at a referral and every change, the newest first. Nobody can change or delete an entry, and reading or downloading the log is written to it too.</p>
      ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
      <form class="filters" novalidate role="search" aria-label="Find entries of the audit log" @submit=${(e: Event) => this.apply(e)}>
        <div class="filter-row">
          ${this.box('reference', 'Referral reference', 'For example, ASC-7K3F-9QX2', 'width-10')}
          ${this.eventChoice()}
        </div>
        ${this.box('who', 'Who', "A member of staff's or a referrer account's id, as an entry shows it")}
        <div class="filter-row">
          ${this.box('from', 'From', 'A date, for example 2026-03-10', 'width-10')}
          ${this.box('to', 'To', 'A date, for example 2026-03-17', 'width-10')}
        </div>
        <button type="submit" class="button">Apply</button>
      </form>
      ${
        !page
          ? this.problem
            ? nothing
            : html`<p role="status">Loading the audit log…</p>`
          : html`
        <p role="status">${page.entries.length === 0 ? 'No entries match.' : `Showing ${page.entries.length} entr${page.entries.length === 1 ? 'y' : 'ies'}${page.nextCursor ? ', with more on the next page' : ''}, the newest first.`}</p>
        ${page.entries.length ? this.table(page) : nothing}
        <nav class="pagination" aria-label="Pages of the audit log">
          ${this.cursors.length ? html`<button type="button" class="button secondary" @click=${() => this.turn('previous')}>Previous page</button>` : nothing}
          ${page.nextCursor ? html`<button type="button" class="button secondary" @click=${() => this.turn('next')}>Next page</button>` : nothing}
        </nav>
        <p>Download these entries:
          <a href=${staffApi.auditExportUrl(this.host.apiBase, 'csv', this.query(false))} download>Download CSV</a> (for a spreadsheet) or
          <a href=${staffApi.auditExportUrl(this.host.apiBase, 'json', this.query(false))} download>Download JSON</a>.</p>`
      }`;
  }

  private table(page: AuditLogPage): TemplateResult {
    const when = (at: number) => `${longDate(at, this.host.timeZone)} ${timeOfDay(at, this.host.timeZone)}`;
    const detail = (entry: AuditLogEntry) => {
      const parts = Object.entries(entry.detail);
      return parts.length
        ? html`<ul class="detail">${parts.map(([key, value]) => html`<li>${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}</li>`)}</ul>`
        : html`<span class="secondary">None</span>`;
    };
    return html`
      <div class="table-scroll" role="region" aria-label="Audit log entries, scrolls sideways" tabindex="0">
        <table class="table audit-table">
          <caption class="visually-hidden">Audit log entries, the newest first</caption>
          <thead><tr>
            <th scope="col">When</th><th scope="col">Who</th><th scope="col">Event</th>
            <th scope="col">Outcome</th><th scope="col">IP address</th><th scope="col">Detail</th>
          </tr></thead>
          <tbody>${page.entries.map(
            (entry) => html`<tr>
              <td>${when(entry.at)}</td>
              <td class="wraps">${entry.who.name}${entry.who.kind === 'staff' ? html`<br><span class="secondary">${entry.who.id}</span>` : nothing}</td>
              <td>${entry.eventLabel}<br><span class="secondary">${entry.event}</span></td>
              <td>${OUTCOMES[entry.outcome] ?? entry.outcome}</td>
              <td>${entry.ip ?? html`<span class="secondary">Not known</span>`}</td>
              <td class="wraps">${detail(entry)}</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>`;
  }
}
