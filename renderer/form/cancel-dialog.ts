/** The dialog that asks before Cancel clears the answers, worded for whether a saved copy stays. */
import { html, type TemplateResult } from 'lit';
import { buttonGroup } from '../shared/govuk/index.ts';

/** The dialog's id, to open it with showModal(). */
export const CANCEL_DIALOG = 'cancel-dialog';

/**
 * The dialog; `hasSavedCopy` when a saved copy outlives the answers on screen; `onConfirm` when
 * the person says yes. It opens on No (autofocus), so an Enter pressed at once loses nothing.
 */
export function cancelDialog(hasSavedCopy: boolean, onConfirm: () => void): TemplateResult {
  const close = (event: Event) => (event.target as Element).closest('dialog')?.close();
  return html`
    <dialog id=${CANCEL_DIALOG} aria-labelledby="cancel-title" aria-describedby="cancel-text">
      <h2 id="cancel-title">Cancel this form?</h2>
      <p id="cancel-text">${
        hasSavedCopy
          ? 'The answers on screen will be cleared. The copy you saved stays in Saved forms until you delete it there, or for 30 days from when you saved it.'
          : 'Your answers will be deleted. This cannot be undone.'
      }</p>
      ${buttonGroup(html`
        <button type="button" class="button warning" @click=${(event: Event) => {
          close(event);
          onConfirm();
        }}>${hasSavedCopy ? 'Yes, cancel and clear the screen' : 'Yes, cancel and delete my answers'}</button>
        <button type="button" class="button secondary" autofocus @click=${close}>No, go back to the form</button>`)}
    </dialog>`;
}
