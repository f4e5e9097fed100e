/** Sending a complete form to the council, and the confirmation page that follows. */
import { html, type TemplateResult } from 'lit';
import {
  type FieldProblem,
  type PortalContent,
  type Submission,
  type SubmitRequest,
  longDate,
  timeOfDay,
} from '../../engine/runtime.ts';
import { RequestRefused, send } from '../api-client.ts';

export type SubmitOutcome =
  | { kind: 'submitted'; submission: Submission }
  /** The server found answers to change (what it says, by answer path). */
  | { kind: 'refused'; fields: FieldProblem[]; message: string }
  | { kind: 'signed-out' }
  /** The form's version has been replaced and takes no new forms. */
  | { kind: 'retired'; message: string }
  | { kind: 'failed'; message: string };

export async function submitAnswers(apiBase: string, request: SubmitRequest): Promise<SubmitOutcome> {
  try {
    return {
      kind: 'submitted',
      submission: (await send<{ submission: Submission }>(apiBase, '/api/submissions', request)).submission,
    };
  } catch (error) {
    if (!(error instanceof RequestRefused))
      return {
        kind: 'failed',
        message:
          'We could not reach the server, so your form has not been sent: check your connection and press Submit again.',
      };
    if (error.status === 401) return { kind: 'signed-out' };
    if (error.code === 'retired-version') return { kind: 'retired', message: error.message };
    if (error.status === 400 && error.fields.length)
      return { kind: 'refused', fields: error.fields, message: error.message };
    return { kind: 'failed', message: `Your form has not been sent: ${error.message}` };
  }
}

/** The page after Submit: the reference, the email, what happens next. */
export function confirmation(
  submission: Submission,
  council: PortalContent['council'],
  print: () => void,
  /** The account's email address, where the confirmation went, when the page knows it. */
  sentTo: string | undefined,
  /** The answers as printed, beside the page. */
  printed: TemplateResult,
): TemplateResult {
  return html`<div class="screen-only" part="page">
    <div class="panel-confirmation">
      <h1 tabindex="-1" part="page-title">Form submitted</h1>
      <p>Your reference number<br><strong class="reference">${submission.reference}</strong></p>
    </div>
    <p>${council.name} received your form, ‘${submission.formTitle}’,${submission.about ? ` about ${submission.about},` : ''} on ${longDate(submission.submittedAt, council.timeZone)} at ${timeOfDay(submission.submittedAt, council.timeZone)}. We have sent ${sentTo ? html`an email to <strong>${sentTo}</strong>` : 'you an email'} to confirm it, with the reference number.</p>
    <h2>What happens next</h2>
    <p>${council.name} will look at it and contact you if they need to know more. You will find it in your account, under <strong>Forms submitted in the last 30 days</strong>.</p>
    <p>If the person is at risk of harm now, do not wait: call <a href="tel:${council.phone.tel}">${council.phone.display}</a>, or 999 in an emergency.</p>
    <button type="button" class="button secondary" @click=${print}>Print a copy of your answers</button>
  </div>${printed}`;
}
