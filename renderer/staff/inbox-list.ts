/**
 * The inbox: referrals the newest first, or by deadline (urgent, then overdue, then the next
 * deadline soonest), in a GOV.UK table (scrolling in its own box on a narrow screen), the filters
 * (urgent and overdue only among them) as a form with an Apply button, the search box, pages of
 * 50, and the filtered list to download.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  TRIAGE_STATUS_LABELS,
  TRIAGE_STATUSES,
  type FormSummary,
  type InboxPage,
  type StaffMemberRef,
  type TriageStatus,
} from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { fetchFormList } from '../api-client.ts';
import { errorSummary, field, fieldId } from '../shared/govuk/index.ts';
import { longDate, timeOfDay } from '../shared/when.ts';
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

type Filters = {
  form: string;
  status: string;
  assignee: string;
  q: string;
  urgent: string;
  overdue: string;
  sort: string;
};
const NO_FILTERS: Filters = { form: '', status: '', assignee: '', q: '', urgent: '', overdue: '', sort: '' };
/** What the list says of its order, after "Showing 1 to 50 of 120 referrals". */
const ORDER_SAID: Record<string, string> = {
  '': 'the newest first',
  deadline: 'urgent first, then overdue, then the next deadline soonest',
};

export class InboxScreen {
  /** The filters applied to the list shown; `draft` is what the boxes hold until Apply. */
  private applied: Filters = { ...NO_FILTERS };
  private draft: Filters = { ...NO_FILTERS };
  /** The cursors of the pages before this one, to go back; the first page has none. */
  private cursors: string[] = [];
  private cursor?: string;
  private page?: InboxPage;
  private forms: FormSummary[] = [];
  private members: StaffMemberRef[] = [];
  private problem?: string;

  constructor(private readonly host: InboxHost) {}

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
      const [page, forms, members] = await Promise.all([
        staffApi.inbox(this.host.apiBase, this.query(true)),
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

  private box(name: keyof Filters, label: string, hint?: string): TemplateResult {
    const id = fieldId(`inbox-${name}`);
    return field(
      { id, label, hint },
      (describedBy) => html`<input class="input width-20" id=${id} type="search" spellcheck="false" autocomplete="off"
        aria-describedby=${describedBy ?? nothing} .value=${live(this.draft[name])}
        @input=${(e: Event) => {
          this.draft = { ...this.draft, [name]: (e.target as HTMLInputElement).value };
        }}>`,
    );
  }

  private choice(name: keyof Filters, label: string, options: Array<[string, string]>): TemplateResult {
    const id = fieldId(`inbox-${name}`);
    return field(
      { id, label },
      () =>
        html`<select class="select" id=${id} @change=${(e: Event) => {
          this.draft = { ...this.draft, [name]: (e.target as HTMLSelectElement).value };
        }}>${options.map(([value, text]) => html`<option value=${value} ?selected=${this.draft[name] === value}>${text}</option>`)}</select>`,
    );
  }

  /** "Only urgent" and "Only overdue": GOV.UK checkboxes, small enough to sit beside the other filters. */
  private only(): TemplateResult {
    const box = (name: 'urgent' | 'overdue', label: string) => {
      const id = fieldId(`inbox-${name}`);
      return html`<div class="choice">
        <input class="choice-input" id=${id} type="checkbox" .checked=${live(this.draft[name] === 'yes')}
          @change=${(e: Event) => {
            this.draft = { ...this.draft, [name]: (e.target as HTMLInputElement).checked ? 'yes' : '' };
          }}>
        <label class="choice-label" for=${id}>${label}</label>
      </div>`;
    };
    return html`<div class="form-group"><fieldset class="fieldset">
      <legend class="label">Show only</legend>
      <div class="checkboxes">${box('urgent', 'Urgent')}${box('overdue', 'Overdue')}</div>
    </fieldset></div>`;
  }

  render(): TemplateResult {
    const page = this.page;
    const shown = this.cursors.length * 50;
    return html`
      <h1 tabindex="-1">Referrals</h1>
      ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
      <form class="filters" novalidate role="search" aria-label="Find referrals" @submit=${(e: Event) => this.apply(e)}>
        ${this.box('q', 'Search', "A reference, or the person's full name, date of birth (12/03/1941) or NHS number, exactly")}
        <div class="filter-row">
          ${this.choice('form', 'Form', [['', 'Any form'], ...this.forms.map((f): [string, string] => [f.id, f.title])])}
          ${this.choice('status', 'Status', [['', 'Any status'], ...TRIAGE_STATUSES.map((s): [string, string] => [s, TRIAGE_STATUS_LABELS[s]])])}
          ${this.choice('assignee', 'Assigned to', [
            ['', 'Anyone or nobody'],
            ['me', 'Me'],
            ['nobody', 'Nobody'],
            ...this.members.map((m): [string, string] => [m.id, m.name]),
          ])}
          ${this.choice('sort', 'Sort by', [
            ['', 'Newest first'],
            ['deadline', 'Deadline'],
          ])}
        </div>
        ${this.only()}
        <button type="submit" class="button">Apply</button>
      </form>
      ${
        !page
          ? html`<p role="status">Loading the inbox…</p>`
          : html`
        <p role="status">${page.total === 0 ? 'No referrals match.' : `Showing ${shown + 1} to ${shown + page.items.length} of ${page.total} referral${page.total === 1 ? '' : 's'}, ${ORDER_SAID[this.applied.sort] ?? ORDER_SAID['']}.`}</p>
        ${page.items.length ? this.table(page) : nothing}
        <nav class="pagination" aria-label="Pages of referrals">
          ${this.cursors.length ? html`<button type="button" class="button secondary" @click=${() => this.turn('previous')}>Previous page</button>` : nothing}
          ${page.nextCursor ? html`<button type="button" class="button secondary" @click=${() => this.turn('next')}>Next page</button>` : nothing}
        </nav>
        <p>Download these referrals:
          <a href=${staffApi.exportUrl(this.host.apiBase, 'csv', this.query(false))} download>CSV (for a spreadsheet)</a> or
          <a href=${staffApi.exportUrl(this.host.apiBase, 'json', this.query(false))} download>JSON</a>.</p>`
      }`;
  }

  private table(page: InboxPage): TemplateResult {
    const when = (at: number) => `${longDate(at, this.host.timeZone)} ${timeOfDay(at, this.host.timeZone)}`;
    return html`
      <div class="table-scroll" role="region" aria-label="Referrals, scrolls sideways" tabindex="0">
        <table class="table">
          <caption class="visually-hidden">Referrals, ${ORDER_SAID[this.applied.sort] ?? ORDER_SAID['']}</caption>
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
