/**
 * The council's question on a submitted form, and the referrer's answer to it: while the council
 * waits, a GOV.UK textarea "Your answer" with its character count and "Send answer"; once
 * answered, the question with their answer under it, and nothing more to send. A refusal ends in
 * an error summary linking to the box; a success in a status line that takes focus.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { REPLY_MAX_LENGTH, type FieldProblem, type Submission, longDate, timeOfDay } from '../../engine/runtime.ts';
import { RequestRefused } from '../api-client.ts';
import { submissionsApi } from '../submissions-api.ts';
import { errorSummary, field, fieldId, focusErrorSummary } from '../shared/govuk/index.ts';

export interface ReplyHost {
  readonly apiBase: string;
  readonly timeZone?: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
  /** Fetches the submission again, once the answer is sent. */
  reload(): Promise<void>;
}

const ANSWER = 'answer';

export class ReplyForm {
  private text = '';
  private errors: FieldProblem[] = [];
  private busy = false;
  private sent = false;

  constructor(private readonly host: ReplyHost) {}

  private async send(event: Event, submission: Submission): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.host.requestUpdate();
    try {
      await submissionsApi.reply(this.host.apiBase, submission.id, this.text);
      this.text = '';
      this.sent = true;
      await this.host.reload();
      await Promise.resolve();
      this.host.renderRoot.querySelector<HTMLElement>('.reply-sent')?.focus();
    } catch (error) {
      const refused = error instanceof RequestRefused ? error : null;
      this.errors = refused?.fields.length
        ? refused.fields
        : [
            {
              field: '',
              message: refused?.message ?? 'Your answer was not sent: check your connection and try again.',
            },
          ];
      this.host.requestUpdate();
      await Promise.resolve();
      focusErrorSummary(this.host.renderRoot);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  render(submission: Submission): TemplateResult | typeof nothing {
    const { question, answered } = submission;
    if (answered)
      return html`
        ${this.sent ? html`<div class="status reply-sent" role="status" tabindex="-1"><p>Your answer is sent to the council.</p></div>` : nothing}
        <div class="notice answered">
          <h2>The council’s question</h2>
          <p class="question-text">${answered.question}</p>
          <h3>Your answer</h3>
          <p class="answer-text">${answered.answer}</p>
          <p class="secondary">Sent ${longDate(answered.answeredAt, this.host.timeZone)} at ${timeOfDay(answered.answeredAt, this.host.timeZone)}.</p>
        </div>`;
    if (!question) return nothing;
    const id = fieldId(ANSWER);
    const error = this.errors.find((e) => e.field === ANSWER)?.message;
    const left = REPLY_MAX_LENGTH - this.text.length;
    // Only near the limit is the count worth hearing; before that it would interrupt every word.
    const countShown = left < REPLY_MAX_LENGTH * 0.2;
    return html`
      ${this.errors.length ? errorSummary({ errors: this.errors.map((e) => ({ message: e.message, fieldId: e.field ? fieldId(e.field) : undefined })) }) : nothing}
      <div class="notice">
        <h2>The council needs more information</h2>
        <p class="question-text">${question}</p>
        <form novalidate @submit=${(e: Event) => void this.send(e, submission)}>
          ${field(
            {
              id,
              label: 'Your answer',
              hint: 'The council reads it with your referral.',
              error,
              describedBy: `${id}-count`,
            },
            (describedBy) => html`
            <textarea class="textarea ${error || left < 0 ? 'input-error' : ''}" id=${id} name=${id} rows="5"
              aria-describedby=${describedBy ?? nothing} .value=${live(this.text)}
              @input=${(e: Event) => {
                this.text = (e.target as HTMLTextAreaElement).value;
                this.host.requestUpdate();
              }}></textarea>
            <div class="hint count ${left < 0 ? 'count-over' : ''}" id="${id}-count" aria-live=${countShown ? 'polite' : 'off'}>
              ${left < 0 ? `You have ${-left} character${left === -1 ? '' : 's'} too many` : countShown ? `You have ${left} character${left === 1 ? '' : 's'} remaining` : `You can enter up to ${REPLY_MAX_LENGTH} characters`}
            </div>`,
          )}
          <button type="submit" class="button" ?disabled=${this.busy}>Send answer</button>
        </form>
      </div>`;
  }
}
