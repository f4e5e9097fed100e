/**
 * A referral opened by staff: its facts, its answers by page as the referrer saw them on check
 * your answers (printable), its history, and the work on it: assigning, changing the status
 * (with the outcome or the question revealed under the option that needs it), and notes. Each
 * action ends in a success banner, or in an error summary linking to the box to fix.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  offeredOutcomes,
  outcomeLabel,
  TRIAGE_STATUS_LABELS,
  TRIAGE_STATUSES,
  type FieldProblem,
  type Outcome,
  type StaffMemberList,
  type StaffSubmission,
  type TriageEvent,
  type TriageStatus,
  longDate,
  timeOfDay,
} from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { RequestRefused } from '../api-client.ts';
import { errorSummary, field, fieldId, fieldset, focusErrorSummary } from '../shared/govuk/index.ts';
import { answerTag, deadlineWhen, urgentTag } from './deadline.ts';
import { summaryLists } from '../shared/summary-list.ts';
import { INBOX_PATH } from './staff-routes.ts';
import { radios } from './radios.ts';
import { retentionWords } from '../shared/retention.ts';

export interface SubmissionHost {
  readonly apiBase: string;
  readonly timeZone?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
  /** Back to the inbox. */
  back(): void;
}

export class SubmissionScreen {
  submission?: StaffSubmission;
  /** The council's outcomes, retired ones too, as the server gave them with the referral. */
  private outcomes: Outcome[] = [];
  notFound = false;
  private team?: StaffMemberList;
  private problem?: string;
  private errors: FieldProblem[] = [];
  private done?: string;
  private busy = false;
  private values: Record<string, string> = {};

  constructor(
    private readonly host: SubmissionHost,
    readonly id: string,
  ) {}

  async load(): Promise<void> {
    try {
      const [opened, team] = await Promise.all([
        staffApi.open(this.host.apiBase, this.id),
        this.team ?? staffApi.members(this.host.apiBase),
      ]);
      ({ submission: this.submission, outcomes: this.outcomes } = opened);
      this.team = team;
    } catch (error) {
      if (error instanceof RequestRefused && error.status === 404) this.notFound = true;
      else this.problem = `We could not fetch this referral: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  }

  private async act(event: Event, work: () => Promise<void>, done: string, clear: string[]): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.done = undefined;
    try {
      await work();
      this.done = done;
      for (const name of clear) delete this.values[name];
      await this.load();
      await Promise.resolve();
      this.host.renderRoot.querySelector<HTMLElement>('.success-banner')?.focus();
    } catch (error) {
      const refused = error instanceof RequestRefused ? error : null;
      this.errors = refused?.fields.length
        ? refused.fields
        : [{ field: '', message: refused?.message ?? 'Something went wrong: check your connection and try again.' }];
      this.host.requestUpdate();
      await Promise.resolve();
      focusErrorSummary(this.host.renderRoot);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private set = (name: string, value: string) => {
    this.values = { ...this.values, [name]: value };
    this.host.requestUpdate();
  };
  private errorAt = (name: string) => this.errors.find((e) => e.field === name)?.message;

  private textarea(name: string, label: string, hint?: string): TemplateResult {
    const id = fieldId(name);
    const error = this.errorAt(name);
    return field(
      { id, label, hint, error },
      (describedBy) => html`<textarea class="textarea ${error ? 'input-error' : ''}" id=${id} rows="4"
        aria-describedby=${describedBy ?? nothing} .value=${live(this.values[name] ?? '')}
        @input=${(e: Event) => this.set(name, (e.target as HTMLTextAreaElement).value)}></textarea>`,
    );
  }

  render(): TemplateResult {
    const back = html`<a class="back-link" href=${INBOX_PATH} @click=${(e: Event) => {
      e.preventDefault();
      this.host.back();
    }}>Back to referrals</a>`;
    if (this.notFound)
      return html`${back}<h1 tabindex="-1">There is no referral here</h1><p>Check the address, or find it in the list of referrals.</p>`;
    if (this.problem) return html`${back}${errorSummary({ title: null, description: this.problem })}`;
    const s = this.submission;
    if (!s) return html`${back}<p role="status">Loading the referral…</p>`;
    const when = (at: number) => `${longDate(at, this.host.timeZone)} at ${timeOfDay(at, this.host.timeZone)}`;
    const row = (label: string, value: unknown) =>
      html`<div class="summary-row"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      ${back}
      ${this.done ? html`<div class="success-banner" role="alert" tabindex="-1"><h2>Done</h2><p>${this.done}</p></div>` : nothing}
      ${this.errors.length ? errorSummary({ errors: this.errors.map((e) => ({ message: e.message, fieldId: e.field ? fieldId(e.field) : undefined })) }) : nothing}
      <span class="caption">${s.formTitle}</span>
      <h1 tabindex="-1">Referral ${s.reference}</h1>
      ${s.about ? html`<p class="about-lead">About ${s.about}</p>` : nothing}
      <dl class="summary-list">
        ${s.urgent ? row('Urgency', urgentTag) : nothing}
        ${s.deadlines.length ? row('Deadlines', html`<ul class="deadlines">${s.deadlines.map((d) => html`<li>${d.label}: ${deadlineWhen(d, this.host.timeZone)}</li>`)}</ul>${s.deadline?.overdue ? html`<strong class="tag tag-overdue">Overdue</strong>` : nothing}`) : nothing}
        ${row('Status', html`<strong class="tag tag-${s.status}">${TRIAGE_STATUS_LABELS[s.status]}</strong>${s.answerReceivedAt ? html` ${answerTag}` : nothing}`)}
        ${s.outcome ? row('Outcome', outcomeLabel(this.outcomes, s.outcome)) : nothing}
        ${row('Assigned to', s.assignee?.name ?? 'Nobody')}
        ${row('Received', when(s.submittedAt))}
        ${row('Referrer', html`${s.referrer.name}${s.referrer.organisation ? html`, ${s.referrer.organisation}` : nothing}<br>${s.referrer.email}`)}
        ${row('Form version', s.formVersion)}
        ${s.retention && !s.retention.deleted ? row('Answers and notes', retentionWords(s.retention, 'answers and notes', this.host.timeZone)) : nothing}
      </dl>
      ${s.retention?.deleted ? html`<div class="notice retention"><p>${retentionWords(s.retention, 'answers and notes', this.host.timeZone)}</p><p>What it was stays: its reference, dates, status and outcome, and who did what. It can no longer be changed.</p></div>` : nothing}
      <button type="button" class="button secondary print-button" @click=${() => window.print()}>Print this referral</button>
      ${s.retention?.deleted ? nothing : html`<div class="work">${this.assignForm(s)}${this.statusForm(s)}${this.noteForm()}</div>`}
      <h2>History</h2>
      ${s.history.length ? html`<ol class="history">${[...s.history].reverse().map((e) => html`<li><span class="secondary">${when(e.at)}${e.by ? `, ${e.by.name}` : ''}:</span> ${this.describe(e)}</li>`)}</ol>` : html`<p>Nothing has been done to this referral yet.</p>`}
      ${s.retention?.deleted ? nothing : html`<h2 class="answers-heading">The answers, as the referrer saw them</h2>${summaryLists(s.summary)}`}`;
  }

  private describe(event: TriageEvent): TemplateResult {
    if (event.kind === 'assigned') return html`assigned it to ${event.assignee?.name ?? 'nobody'}.`;
    if (event.kind === 'note')
      return event.text ? html`added a note: <q class="quoted">${event.text}</q>` : html`added a note (deleted).`;
    if (event.kind === 'reply')
      return event.text
        ? html`<strong>Answer from the referrer</strong> (back to screening): <q class="quoted">${event.text}</q>`
        : html`<strong>Answer from the referrer</strong> (back to screening; deleted).`;
    const status = TRIAGE_STATUS_LABELS[event.status!];
    if (event.outcome) return html`closed it: ${outcomeLabel(this.outcomes, event.outcome)}.`;
    if (event.text) return html`asked the referrer for more information: <q class="quoted">${event.text}</q>`;
    if (event.status === 'more-information')
      return html`asked the referrer for more information (the question is deleted).`;
    return html`changed the status to ${status}.`;
  }

  private assignForm(s: StaffSubmission): TemplateResult {
    const team = this.team?.members ?? [];
    const chosen = this.values.assignee ?? s.assignee?.id ?? '';
    const name = (id: string | null) => (id ? (team.find((m) => m.id === id)?.name ?? 'them') : 'nobody');
    const assign = (e: Event, to: string | null) =>
      void this.act(
        e,
        () => staffApi.assign(this.host.apiBase, s.id, to),
        `The referral is assigned to ${to === this.team?.me ? 'you' : name(to)}.`,
        ['assignee'],
      );
    return html`
      <form novalidate @submit=${(e: Event) => assign(e, chosen || null)}>
        <h2>Assign</h2>
        ${field(
          { id: fieldId('assignee'), label: 'Assign to', error: this.errorAt('assignee') },
          () => html`
          <select class="select" id=${fieldId('assignee')} @change=${(e: Event) => this.set('assignee', (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!chosen}>Nobody</option>
            ${team.map((m) => html`<option value=${m.id} ?selected=${chosen === m.id}>${m.name}${m.id === this.team?.me ? ' (you)' : ''}</option>`)}
          </select>`,
        )}
        <div class="button-group">
          <button type="submit" class="button" ?disabled=${this.busy}>Assign</button>
          ${s.assignee?.id !== this.team?.me ? html`<button type="button" class="button secondary" ?disabled=${this.busy} @click=${(e: Event) => assign(e, this.team?.me ?? null)}>Assign to me</button>` : nothing}
        </div>
      </form>`;
  }

  private statusForm(s: StaffSubmission): TemplateResult {
    const status = (this.values.status ?? s.status) as TriageStatus;
    const outcome = this.values.outcome;
    const question = this.values.question ?? '';
    const change = () =>
      staffApi.changeStatus(this.host.apiBase, s.id, {
        status,
        ...(status === 'closed' && outcome ? { outcome } : {}),
        ...(status === 'more-information' ? { question } : {}),
      });
    return html`
      <form novalidate @submit=${(e: Event) => void this.act(e, change, status === 'more-information' ? 'Your question is sent: the referrer is emailed to sign in and read it.' : `The status is now ${TRIAGE_STATUS_LABELS[status]}.`, ['status', 'outcome', 'question'])}>
        <h2>Change the status</h2>
        ${fieldset(
          { id: fieldId('status'), label: 'Status', error: this.errorAt('status') },
          radios(
            'status',
            status,
            TRIAGE_STATUSES.map((value) => ({ value, label: TRIAGE_STATUS_LABELS[value] })),
            this.set,
            {
              closed: () =>
                fieldset(
                  { id: fieldId('outcome'), label: 'Outcome', error: this.errorAt('outcome') },
                  radios(
                    'outcome',
                    outcome ?? '',
                    offeredOutcomes(this.outcomes).map(({ code, label }) => ({ value: code, label })),
                    this.set,
                  ),
                ),
              'more-information': () =>
                this.textarea(
                  'question',
                  'Your question for the referrer',
                  'They are emailed to sign in and read it: the email does not hold it.',
                ),
            },
          ),
        )}
        <button type="submit" class="button" ?disabled=${this.busy}>Change status</button>
      </form>`;
  }

  private noteForm(): TemplateResult {
    const text = this.values.note ?? '';
    return html`
      <form novalidate @submit=${(e: Event) => void this.act(e, () => staffApi.addNote(this.host.apiBase, this.id, text), 'Your note is added.', ['note'])}>
        <h2>Add a note</h2>
        ${this.textarea('note', 'Note', 'Only council staff see notes.')}
        <button type="submit" class="button" ?disabled=${this.busy}>Add note</button>
      </form>`;
  }
}
