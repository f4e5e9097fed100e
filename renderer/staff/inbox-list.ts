/**
 * The inbox: referrals the newest first, or by deadline (urgent, then overdue, then the next
 * deadline soonest), in a GOV.UK table (scrolling in its own box on a narrow screen), the filters
 * (urgent, overdue or answered only among them) as a form with an Apply button, the search box, pages of
 * 50, and the filtered list to download.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  TRIAGE_STATUS_LABELS,
  TRIAGE_STATUSES,
  type FormSummary,
  type InboxPage,
  type StaffMemberRef,
  type TriageStatus,
  longDate,
  timeOfDay,
} from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { fetchFormList } from '../api-client.ts';
import { errorSummary } from '../shared/govuk/index.ts';
import { FilterForm } from './filter-form.ts';
import { answerTag, deadlineCell, urgentTag } from './deadline.ts';
import { submissionPath } from './staff-routes.ts';
import { retentionNote } from '../shared/retention.ts';

/** What the inbox needs from the element that shows it. */
export interface InboxHost {
  readonly apiBase: string;
  readonly timeZone?: string;
  requestUpdate(): void;
  /** Opens a referral (its own address, /staff/submissions/<id>). */
  open(id: string): void;
}

const NO_FILTERS = {
  form: '',
  status: '',
  assignee: '',
  q: '',
  urgent: '',
  overdue: '',
  answered: '',
  sort: '',
};
/** What the list says of its order, after "Showing 1 to 50 of 120 referrals". */
const ORDER_SAID: Record<string, string> = {
  '': 'the newest first',
  deadline: 'urgent first, then overdue, then the next deadline soonest',
};

export class InboxScreen {
  private readonly filters = new FilterForm({
    empty: NO_FILTERS,
    idPrefix: 'inbox',
    reload: () => void this.load(),
    requestUpdate: () => this.host.requestUpdate(),
  });
  private page?: InboxPage;
  private forms: FormSummary[] = [];
  private members: StaffMemberRef[] = [];
  private problem?: string;

  constructor(private readonly host: InboxHost) {}

  /** Fetches the page asked for; focus stays where the person is. */
  async load(): Promise<void> {
    this.problem = undefined;
    try {
      const [page, forms, members] = await Promise.all([
        staffApi.inbox(this.host.apiBase, this.filters.query(true)),
        this.forms.length ? this.forms : fetchFormList(this.host.apiBase).catch(() => []),
        this.members.length ? this.members : staffApi.members(this.host.apiBase).then((list) => list.members),
      ]);
      this.page = page;
      this.forms = forms;
      this.members = members;
    } catch (error) {
      this.problem = `We could not fetch the inbox: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const page = this.page;
    const shown = this.filters.pagesBefore * 50;
    return html`
      <h1 tabindex="-1">Referrals</h1>
      ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
      ${this.filters.form(
        'Find referrals',
        html`
        ${this.filters.textBox('q', 'Search', { type: 'search', hint: "A reference, or the person's full name, date of birth (12/03/1941) or NHS number, exactly" })}
        <div class="filter-row">
          ${this.filters.select('form', 'Form', [['', 'Any form'], ...this.forms.map((f): [string, string] => [f.id, f.title])])}
          ${this.filters.select('status', 'Status', [['', 'Any status'], ...TRIAGE_STATUSES.map((s): [string, string] => [s, TRIAGE_STATUS_LABELS[s]])])}
          ${this.filters.select('assignee', 'Assigned to', [
            ['', 'Anyone or nobody'],
            ['me', 'Me'],
            ['nobody', 'Nobody'],
            ...this.members.map((m): [string, string] => [m.id, m.name]),
          ])}
          ${this.filters.select('sort', 'Sort by', [
            ['', 'Newest first'],
            ['deadline', 'Deadline'],
          ])}
        </div>
        ${this.filters.checkboxes('Show only', [
          ['urgent', 'Urgent'],
          ['overdue', 'Overdue'],
          ['answered', 'Answer received'],
        ])}`,
      )}
      ${
        !page
          ? html`<p role="status">Loading the inbox…</p>`
          : html`
        <p role="status">${page.total === 0 ? 'No referrals match.' : `Showing ${shown + 1} to ${shown + page.items.length} of ${page.total} referral${page.total === 1 ? '' : 's'}, ${ORDER_SAID[this.filters.applied.sort ?? ''] ?? ORDER_SAID['']}.`}</p>
        ${page.items.length ? this.table(page) : nothing}
        ${this.filters.pagination('Pages of referrals', page.nextCursor)}
        <p>Download these referrals:
          <a href=${staffApi.exportUrl(this.host.apiBase, 'csv', this.filters.query(false))} download>CSV (for a spreadsheet)</a> or
          <a href=${staffApi.exportUrl(this.host.apiBase, 'json', this.filters.query(false))} download>JSON</a>.</p>`
      }`;
  }

  private table(page: InboxPage): TemplateResult {
    const when = (at: number) => `${longDate(at, this.host.timeZone)} ${timeOfDay(at, this.host.timeZone)}`;
    return html`
      <div class="table-scroll" role="region" aria-label="Referrals, scrolls sideways" tabindex="0">
        <table class="table">
          <caption class="visually-hidden">Referrals, ${ORDER_SAID[this.filters.applied.sort ?? ''] ?? ORDER_SAID['']}</caption>
          <thead><tr>
            <th scope="col">Reference</th><th scope="col">Form</th><th scope="col">About</th><th scope="col">Referrer</th>
            <th scope="col">Received</th><th scope="col">Next deadline</th><th scope="col">Status</th><th scope="col">Assigned to</th>
          </tr></thead>
          <tbody>${page.items.map(
            (item) => html`<tr>
              <td><a href=${submissionPath(item.id)} @click=${(e: Event) => {
                e.preventDefault();
                this.host.open(item.id);
              }}>${item.reference}</a>${item.urgent ? html` ${urgentTag}` : nothing}</td>
              <td>${item.formTitle} <span class="secondary">(version ${item.formVersion})</span></td>
              <td>${item.about ?? html`<span class="secondary">${item.retention?.deleted ? 'Deleted' : 'Not given'}</span>`}</td>
              <td>${item.referrer.name}${item.referrer.organisation ? html`<br><span class="secondary">${item.referrer.organisation}</span>` : nothing}</td>
              <td>${when(item.submittedAt)}</td>
              <td>${deadlineCell(item.deadline, this.host.timeZone)}</td>
              <td><strong class="tag tag-${item.status}">${TRIAGE_STATUS_LABELS[item.status as TriageStatus]}</strong>${item.answerReceivedAt ? html` ${answerTag}` : nothing}${item.retention ? html`<br><span class="secondary">${retentionNote(item.retention, this.host.timeZone)}</span>` : nothing}</td>
              <td>${item.assignee?.name ?? html`<span class="secondary">Nobody</span>`}</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>`;
  }
}
