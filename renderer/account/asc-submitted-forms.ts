import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type ReferrerStatus, type Submission, longDate, timeOfDay } from '../../engine/runtime.ts';
import { submissionsApi } from '../submissions-api.ts';
import { baseStyles } from '../shared/styles.ts';
import { savedFormsStyles } from './asc-saved-forms.styles.ts';
import { errorSummary } from '../shared/govuk/index.ts';
import { emit } from '../shared/events.ts';
import { retentionWords } from '../shared/retention.ts';

/** Where the council is with a form, in plain words. */
export const STATUS_WORDS: Record<ReferrerStatus, string> = {
  received: 'Received',
  'being-looked-at': 'Being looked at',
  closed: 'Closed',
};

/** Where a submitted form opens again, read-only. */
const addressOf = (submission: Submission) => `/account/submitted/${submission.id}`;

/**
 * The signed-in person's forms submitted in the last 30 days, the most recent first, each with
 * whom it is about, its reference number (what to quote when calling the council), where the
 * council is with it (and its question, when it needs more information, with the way to answer
 * it; once answered, the question and the answer), and the way to open it again.
 *
 * @summary Forms submitted in the last 30 days.
 * @event {CustomEvent<AscNavigateDetail>} asc-navigate - A form's View was chosen: the page opens it read-only.
 */
@customElement('asc-submitted-forms')
export class AscSubmittedForms extends LitElement {
  static override styles = [baseStyles, savedFormsStyles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The council's time zone: when forms were saved and sent, on its clock (the browser's own without one). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private submissions?: Submission[];
  @state() private problem?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    submissionsApi.listRecent(this.apiBase).then(
      (submissions) => {
        this.submissions = submissions;
      },
      (error: Error) => {
        this.problem = `We could not fetch the forms you submitted: ${error.message}`;
      },
    );
  }

  // Marks the element once its list (or its problem) is in, so the page keeps what follows it back till then rather than push it down.
  protected override willUpdate(): void {
    this.toggleAttribute('loaded', this.submissions !== undefined || this.problem !== undefined);
  }

  override render(): TemplateResult {
    if (this.problem) return errorSummary({ title: null, description: this.problem });
    if (!this.submissions) return html`<p role="status">Loading the forms you submitted…</p>`;
    if (this.submissions.length === 0) return html`<p>You have not submitted any forms in the last 30 days.</p>`;
    return html`
      <ul class="saved-forms">${this.submissions.map(
        (submission) => html`
        <li class="saved-form" aria-labelledby="title-${submission.id}">
          <h2 id="title-${submission.id}">${submission.formTitle}${submission.about ? html` <span class="about">about ${submission.about}</span>` : nothing}</h2>
          <dl>
            <div><dt>Reference number</dt><dd><strong>${submission.reference}</strong></dd></div>
            <div><dt>Submitted</dt><dd>${longDate(submission.submittedAt, this.timeZone)} at ${timeOfDay(submission.submittedAt, this.timeZone)}</dd></div>
            <div><dt>Status</dt><dd>${STATUS_WORDS[submission.status]}</dd></div>
          </dl>
          ${submission.retention ? html`<p class="retention">${retentionWords(submission.retention, 'answers', this.timeZone)}</p>` : nothing}
          ${submission.question ? html`<div class="question"><h3>The council needs more information</h3><p>${submission.question}</p><p><a href=${addressOf(submission)} @click=${(e: MouseEvent) => this.open(e, submission)}>Answer the council’s question<span class="visually-hidden"> on ${submission.reference}</span></a></p></div>` : nothing}
          ${submission.answered ? html`<div class="question"><h3>The council’s question</h3><p>${submission.answered.question}</p><h3>Your answer</h3><p>${submission.answered.answer}</p></div>` : nothing}
          <p><a href=${addressOf(submission)} @click=${(e: MouseEvent) => this.open(e, submission)}>View or print<span class="visually-hidden"> ${submission.formTitle}${submission.about ? ` about ${submission.about}` : ''}, ${submission.reference}</span></a></p>
        </li>`,
      )}
      </ul>`;
  }

  private open(event: MouseEvent, submission: Submission): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    emit(this, 'asc-navigate', { to: addressOf(submission) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-submitted-forms': AscSubmittedForms;
  }
}
