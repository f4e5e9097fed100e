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

/** Said above the current version's first page once it has started in place of a replaced one. */
export const startedCurrentMessage = html`<p><strong>This is the current version of the form.</strong> We have kept the answers it asks for: check each page before you send it.</p>`;

/** The answers to the questions `form` asks, of those given for another version of it. */
export function answersItAsks(form: Form, answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => form.question(id)));
}
