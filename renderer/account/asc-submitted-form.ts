import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type SubmittedForm, longDate, timeOfDay } from '../../engine/runtime.ts';
import { submissionsApi } from '../submissions-api.ts';
import { RequestRefused } from '../api-client.ts';
import { baseStyles, questionPageStyles } from '../shared/styles.ts';
import { summaryLists } from '../shared/summary-list.ts';
import { summaryListStyles } from '../shared/summary-list.styles.ts';
import { emit } from '../shared/events.ts';
import { errorSummary } from '../shared/govuk/index.ts';
import { STATUS_WORDS } from './asc-submitted-forms.ts';
import { retentionWords } from '../shared/retention.ts';
import { ReplyForm } from './reply-form.ts';

const LIST = '/account/submitted';

const styles = css`
  .back-link { display: inline-block; margin-bottom: 20px; font-size: 1rem; }
  .about-lead { font-size: 1.5rem; margin-top: -15px; }
  .facts { margin-bottom: 20px; }
  .question-text, .answer-text { white-space: pre-line; overflow-wrap: anywhere; }
  .count { margin-top: 5px; }
  .count-over { color: var(--asc-colour-error); font-weight: 700; }
  .secondary { color: #505a5f; }
  @media print {
    .back-link, .print-button { display: none !important; }
    h1 { font-size: 24pt; }
  }
`;

/**
 * One of the signed-in person's forms submitted in the last 30 days, opened again read-only: its
 * reference, when it was sent, and its answers as check your answers showed them, with Print.
 * Another person's form, or one sent longer ago, is not found.
 *
 * @summary A submitted form, read-only, to read again or print.
 * @event {CustomEvent<AscNavigateDetail>} asc-navigate - The back link was chosen: the page goes to the list.
 */
@customElement('asc-submitted-form')
export class AscSubmittedForm extends LitElement {
  static override styles = [baseStyles, questionPageStyles, summaryListStyles, styles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The council's time zone: when forms were saved and sent, on its clock (the browser's own without one). */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** The submission to show (its id, from the address). */
  @property({ attribute: 'submission-id' }) submissionId = '';

  @state() private submission?: SubmittedForm;
  @state() private notFound = false;
  @state() private problem?: string;
  private readonly replyForm = new ReplyForm(this);

  /** The submission fetched again in place (after an answer is sent): the page stays where it is. */
  async reload(): Promise<void> {
    const id = this.submissionId;
    const submission = await submissionsApi.open(this.apiBase, id);
    if (id === this.submissionId) this.submission = submission;
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('submissionId') || changed.has('apiBase')) void this.load(this.submissionId);
  }

  private async load(id: string): Promise<void> {
    this.submission = undefined;
    this.notFound = false;
    this.problem = undefined;
    try {
      const submission = await submissionsApi.open(this.apiBase, id);
      if (id !== this.submissionId) return;
      this.submission = submission;
    } catch (error) {
      if (id !== this.submissionId) return;
      if (error instanceof RequestRefused && error.status === 404) this.notFound = true;
      else this.problem = `We could not fetch this form: ${(error as Error).message}`;
    }
    // The page's heading once it is known, as after any move to a new page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private backLink(): TemplateResult {
    return html`<a class="back-link" href=${LIST} @click=${(e: Event) => {
      e.preventDefault();
      emit(this, 'asc-navigate', { to: LIST });
    }}>Back to forms submitted in the last 30 days</a>`;
  }

  override render(): TemplateResult {
    if (this.notFound)
      return html`${this.backLink()}
        <h1 tabindex="-1">There is no submitted form here</h1>
        <p>You can open the forms you sent in the last 30 days, and only your own. After 30 days a form is no longer shown here: the council still has it.</p>`;
    if (this.problem) return html`${this.backLink()}${errorSummary({ title: null, description: this.problem })}`;
    const submission = this.submission;
    if (!submission) return html`<p role="status">Loading the form you submitted…</p>`;
    return html`
      ${this.backLink()}
      <h1 tabindex="-1">${submission.formTitle}</h1>
      ${submission.about ? html`<p class="about-lead">About ${submission.about}</p>` : nothing}
      <dl class="summary-list facts">
        <div class="summary-row"><dt>Reference number</dt><dd><strong>${submission.reference}</strong></dd></div>
        <div class="summary-row"><dt>Submitted</dt><dd>${longDate(submission.submittedAt, this.timeZone)} at ${timeOfDay(submission.submittedAt, this.timeZone)}</dd></div>
        <div class="summary-row"><dt>Form version</dt><dd>${submission.formVersion}</dd></div>
        <div class="summary-row"><dt>Status</dt><dd>${STATUS_WORDS[submission.status]}</dd></div>
      </dl>
      ${this.replyForm.render(submission)}
      ${submission.retention ? html`<p class="retention">${retentionWords(submission.retention, 'answers', this.timeZone)}</p>` : nothing}
      ${
        submission.retention?.deleted
          ? html`<p>The reference number and status stay: quote the reference number if you contact the council about it.</p>`
          : html`<p>This is what you sent, as you saw it before sending. It cannot be changed: if something in it was wrong, contact the council and quote the reference number.</p>
      <button type="button" class="button secondary print-button" @click=${() => window.print()}>Print this page</button>
      ${summaryLists(submission.summary)}`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-submitted-form': AscSubmittedForm;
  }
}
