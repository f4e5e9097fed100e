/**
 * The parts of a form's page around its questions: the progress bar, the box asking a person to
 * sign in, the Previous and Next (or Submit) buttons, and the links under the page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Page, PortalContent } from '../../engine/runtime.ts';
import { contentBlock } from '../shared/rich-text.ts';
import { buttonGroup } from '../shared/govuk/index.ts';

/** How far through the form the page is, in words and as a bar. */
export function progress(page: Page): TemplateResult {
  return html`
    <div class="progress" part="progress">
      <span class="progress-text" id="progress-text">${page.progress}% complete</span>
      <progress max="100" value=${page.progress} aria-labelledby="progress-text"></progress>
    </div>`;
}

/** The portal's words asking a person who has not signed in to do so, and the button to. */
export function accountGate(blocks: PortalContent['accountGate'], onSignIn: () => void): TemplateResult {
  return html`
    <div class="notice" part="account-gate">
      ${blocks.map(contentBlock)}
      <button type="button" class="button" @click=${onSignIn}>Login or Register</button>
    </div>`;
}

/** What the page's buttons do, and which of them it shows. */
export interface PageActions {
  onPrevious?: () => void;
  /** Next (a submit button of the page's form); none on check-your-answers or behind the account gate. */
  next: boolean;
  /** Submit, on a complete check-your-answers page. */
  onSubmit?: () => void;
  sending: boolean;
}

/** Previous, then Next or Submit ("Sending…", and disabled, while the form is being sent). */
export function pageActions(actions: PageActions): TemplateResult {
  const { onPrevious, next, onSubmit, sending } = actions;
  return buttonGroup(
    html`
    ${onPrevious ? html`<button type="button" class="button secondary" @click=${onPrevious}><span aria-hidden="true">← </span>Previous</button>` : nothing}
    ${onSubmit ? html`<button type="button" class="button" aria-disabled=${sending ? 'true' : 'false'} @click=${onSubmit}>${sending ? 'Sending…' : 'Submit'}</button>` : nothing}
    ${next ? html`<button type="submit" class="button">Next<span aria-hidden="true"> →</span></button>` : nothing}`,
    { className: 'actions', part: 'actions' },
  );
}

/** The links under the page: Print, Save for later, Close and Cancel (which waits while the form is being sent). */
export function secondaryActions(actions: {
  sending: boolean;
  onSave: () => void;
  onClose: () => void;
  onCancel: () => void;
}): TemplateResult {
  return html`
    <div class="secondary-actions">
      <button type="button" class="link-button" @click=${() => window.print()}>Print</button>
      <button type="button" class="link-button" @click=${actions.onSave}>Save for later</button>
      <button type="button" class="link-button" @click=${actions.onClose}>Close</button>
      <button type="button" class="link-button" aria-disabled=${actions.sending ? 'true' : 'false'} @click=${actions.onCancel}>Cancel</button>
    </div>`;
}
