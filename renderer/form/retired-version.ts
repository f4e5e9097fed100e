/** What the form says when its version has been replaced and takes no new forms, with the way to the current one. */
import { html, type TemplateResult } from 'lit';
import type { Answers, Form } from '../../engine/runtime.ts';

/** The refusal, under `heading`, with the server's words and a button that starts the current version. */
export function retiredMessage(heading: string, message: string, startCurrent: () => void): TemplateResult {
  return html`
    <h2>${heading}</h2>
    <p>${message}</p>
    <p>The current version keeps the answers on screen that it asks for. Check each page before you send it.</p>
    <button type="button" class="button" @click=${startCurrent}>Start the current version of this form</button>`;
}

/**
 * What a form opened on a replaced version says at once, before anything is typed (a saved form
 * carried on is not new, and says nothing): nothing typed on it could be saved or sent.
 */
export function replacedNotice(form: Form, startCurrent: () => void): TemplateResult | undefined {
  if (form.definition.status !== 'retired') return undefined;
  return retiredMessage(
    'This version of the form has been replaced',
    `Version ${form.version} of ‘${form.definition.title}’ has been replaced by a newer version, and new forms cannot be started on it.`,
    startCurrent,
  );
}

/** Said above the current version's first page once it has started in place of a replaced one. */
export const startedCurrentMessage = html`<p><strong>This is the current version of the form.</strong> We have kept the answers it asks for: check each page before you send it.</p>`;

/** The answers to the questions `form` asks, of those given for another version of it. */
export function answersItAsks(form: Form, answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => form.question(id)));
}
