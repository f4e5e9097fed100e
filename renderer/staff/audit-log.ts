/**
 * The audit log, for staff administrators: its entries the newest first in a GOV.UK table
 * (scrolling in its own box on a narrow screen, as the inbox's does), the filters as a form with
 * an Apply button (who chosen from the staff by name, or anyone by account id; the dates in
 * GOV.UK date inputs, checked before they apply), pages of 50, and the filtered log to download
 * as CSV or JSON.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  AUDIT_EVENT_LABELS,
  type AuditLogEntry,
  type AuditLogPage,
  type StaffMemberRef,
  longDate,
  timeOfDay,
} from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { dateInput, datePartId, errorSummary, focusErrorSummary } from '../shared/govuk/index.ts';
import { FilterForm } from './filter-form.ts';
import { AUDIT_BOXES, BY_ID, checkAuditFilters, type FilterProblem } from './audit-filters.ts';

/** What the audit log needs from the element that shows it. */
export interface AuditHost {
  readonly apiBase: string;
  readonly timeZone?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

const OUTCOMES: Record<AuditLogEntry['outcome'], string> = {
  success: 'Done',
  failure: 'Failed',
  refused: 'Refused',
};

export class AuditScreen {
  private readonly filters = new FilterForm({
    empty: AUDIT_BOXES,
    idPrefix: 'audit',
    reload: () => void this.load(),
    requestUpdate: () => this.host.requestUpdate(),
  });
  private page?: AuditLogPage;
  /** The members of staff "Who" lists by name; fetched once. */
  private members?: StaffMemberRef[];
  private problem?: string;
  /** What to fix in the boxes before the filters can apply. */
  private problems: FilterProblem[] = [];

  constructor(private readonly host: AuditHost) {}

  /** Fetches the page asked for; focus stays where the person is. */
  async load(): Promise<void> {
    this.problem = undefined;
    try {
      const [page, members] = await Promise.all([
        staffApi.audit(this.host.apiBase, this.filters.query(true)),
        // Without the list, "Who" still offers anyone, and anyone by their account id.
        this.members ??
          staffApi.members(this.host.apiBase).then(
            (list) => list.members,
            () => undefined,
          ),
      ]);
      this.page = page;
      this.members = members;
    } catch (error) {
      this.page = undefined;
      this.problem = `We could not fetch the audit log: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  }

  /** Applies the filters once the boxes are right; else the error summary, focused, says what to change. */
  private async apply(): Promise<void> {
    const checked = checkAuditFilters(this.filters.draft);
    this.problems = checked.problems;
    if ('filters' in checked) return this.filters.apply(checked.filters);
    this.host.requestUpdate();
    await this.host.updateComplete;
    focusErrorSummary(this.host.renderRoot);
  }

  private problemAt = (name: FilterProblem['name']) => this.problems.find((p) => p.name === name);

  /** The box a problem's link in the error summary goes to: a date's first box to change. */
  private boxOf(problem: FilterProblem): string {
    const id = this.filters.id(problem.name);
    return problem.name === 'whoId' ? id : datePartId(id, problem.parts?.[0] ?? 'day');
  }

  private who(): TemplateResult {
    const options: Array<[string, string]> = [
      ['', 'Anyone'],
      ...(this.members ?? []).map((m): [string, string] => [m.id, m.name]),
      [BY_ID, 'Someone else, by account id'],
    ];
    return this.filters.select('who', 'Who', options, true);
  }

  private date(name: 'from' | 'to', legend: string): TemplateResult {
    const problem = this.problemAt(name);
    return dateInput({
      id: this.filters.id(name),
      label: legend,
      hint: 'For example, 27 3 2026',
      error: problem?.message,
      invalidParts: problem?.parts,
      value: this.filters.draft[name],
      set: (value) => this.filters.set(name, value ?? ''),
    });
  }

  render(): TemplateResult {
    const page = this.page;
    // The account id's problem goes with its box, once "Who" no longer asks for one.
    const problems = this.problems.filter((p) => p.name !== 'whoId' || this.filters.draft.who === BY_ID);
    return html`
      ${
        problems.length
          ? errorSummary({ errors: problems.map((p) => ({ message: p.message, fieldId: this.boxOf(p) })) })
          : nothing
      }
      <h1 tabindex="-1">Audit log</h1>
      <p>Every sign-in, every look at a referral and every change, the newest first. Nobody can change or delete an entry, and reading or downloading the log is written to it too.</p>
      ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
      ${this.filters.form(
        'Find entries of the audit log',
        html`
        <div class="filter-row">
          ${this.filters.textBox('reference', 'Referral reference', { hint: 'For example, ASC-7K3F-9QX2', width: 'width-10' })}
          ${this.filters.select('event', 'Event', [['', 'Any event'], ...Object.entries(AUDIT_EVENT_LABELS)])}
          ${this.who()}
        </div>
        ${
          this.filters.draft.who === BY_ID
            ? this.filters.textBox('whoId', 'Account id', {
                hint: "A referrer account's id, or a former member of staff's, as an entry of the log shows it",
                width: 'width-30',
                error: this.problemAt('whoId')?.message,
              })
            : nothing
        }
        <div class="filter-row">${this.date('from', 'Date from')}${this.date('to', 'Date to')}</div>`,
        () => void this.apply(),
      )}
      ${
        !page
          ? this.problem
            ? nothing
            : html`<p role="status">Loading the audit log…</p>`
          : html`
        <p role="status">${page.entries.length === 0 ? 'No entries match.' : `Showing ${page.entries.length} entr${page.entries.length === 1 ? 'y' : 'ies'}${page.nextCursor ? ', with more on the next page' : ''}, the newest first.`}</p>
        ${page.entries.length ? this.table(page) : nothing}
        ${this.filters.pagination('Pages of the audit log', page.nextCursor)}
        <p>Download these entries:
          <a href=${staffApi.auditExportUrl(this.host.apiBase, 'csv', this.filters.query(false))} download>Download CSV</a> (for a spreadsheet) or
          <a href=${staffApi.auditExportUrl(this.host.apiBase, 'json', this.filters.query(false))} download>Download JSON</a>.</p>`
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
