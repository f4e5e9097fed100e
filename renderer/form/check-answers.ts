/** Check-your-answers and the printed copy: the summary of every answer, by page. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Answers, Form, PortalContent, Submission } from '../../engine/runtime.ts';
import { fieldId } from '../shared/govuk/index.ts';
import { summaryLists, type OnChange } from '../shared/summary-list.ts';

/** Check-your-answers: what is still missing (with links to it), then every answer with its Change link. */
export function checkAnswers(form: Form, answers: Answers, onChange: OnChange): TemplateResult {
  const missing = form.errors(answers);
  return html`
    ${
      missing.length
        ? html`
      <div class="notice">
        <h2>You cannot submit this form yet</h2>
        <p>These answers are missing or need changing:</p>
        <ul>${missing.map((error) => html`<li><a href="#${fieldId(error.path)}" @click=${(e: Event) => onChange(e, error.pageId, error.path)}>${error.message}</a> (${form.page(error.pageId).title})</li>`)}</ul>
      </div>`
        : nothing
    }
    ${summaryLists(form.summary(answers), onChange)}`;
}

/** The printed copy: the form's title, when and whether it was sent, and every answer. */
export function printout(
  form: Form,
  council: PortalContent['council'],
  answers: Answers,
  submitted?: Submission,
): TemplateResult {
  return html`
    <h1>${form.definition.title}</h1>
    <p>${council.serviceName}. Printed ${new Date().toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: form.timeZone })}. ${submitted ? `Submitted, reference ${submitted.reference}.` : 'Not submitted.'}</p>
    ${summaryLists(form.summary(answers))}`;
}
