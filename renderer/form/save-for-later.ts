/** Saving a form for later, and what the form says afterwards. */
import { html, type TemplateResult } from 'lit';
import { type DraftSave, type SavedDraft, longDate } from '../../engine/runtime.ts';
import { RequestRefused, send } from '../api-client.ts';
import { retiredMessage } from './retired-version.ts';
import { NOT_REACHED, notSaved } from './saving-controller.ts';

export type SaveOutcome =
  | { kind: 'saved'; draft: SavedDraft }
  /** Saved since from another tab or window: nothing was overwritten. */
  | { kind: 'stale' }
  /**
   * The copy it was kept in is gone (deleted elsewhere, or past its 30 days). A new copy is the
   * person's choice: whoever is signed in now may not be who opened it.
   */
  | { kind: 'gone' }
  /** The session has ended: sign in again to save. */
  | { kind: 'signed-out' }
  /** The form's version has been replaced and takes no new forms (what the server says, naming the current one). */
  | { kind: 'retired'; message: string }
  | { kind: 'failed'; message: string };

const draftPath = (draft: SavedDraft) => `/api/drafts/${encodeURIComponent(draft.id)}`;

/**
 * Saves over `draft` from the version last seen, or as a new draft (the first time, or when a
 * separate copy is asked for). A refusal becomes an outcome to word, never an exception.
 */
export async function saveDraft(
  apiBase: string,
  draft: SavedDraft | undefined,
  request: DraftSave,
  asNewCopy = false,
): Promise<SaveOutcome> {
  try {
    const saved =
      !draft || asNewCopy
        ? await send<{ draft: SavedDraft }>(apiBase, '/api/drafts', request)
        : await send<{ draft: SavedDraft }>(
            apiBase,
            draftPath(draft),
            { version: draft.version, pageId: request.pageId, answers: request.answers },
            'PUT',
          );
    return { kind: 'saved', draft: saved.draft };
  } catch (error) {
    if (!(error instanceof RequestRefused)) return { kind: 'failed', message: NOT_REACHED };
    if (error.code === 'retired-version') return { kind: 'retired', message: error.message };
    if (error.status === 409) return { kind: 'stale' };
    if (error.status === 404) return { kind: 'gone' };
    if (error.status === 401) return { kind: 'signed-out' };
    return { kind: 'failed', message: error.message };
  }
}

/** Deletes a copy saved a moment too late: the person had cancelled the form while it was saving. */
export async function discardDraft(apiBase: string, draft: SavedDraft): Promise<void> {
  await send<void>(apiBase, draftPath(draft), undefined, 'DELETE').catch(() => {
    /* it goes after 30 days anyway */
  });
}

/**
 * What the form says after a save; `saveAsCopy` is offered when the saved copy cannot be saved
 * over, `startCurrent` when the form's version takes no new forms; times on the council's clock.
 */
export function savedMessage(
  outcome: SaveOutcome,
  saveAsCopy: () => void,
  startCurrent: () => void,
  timeZone?: string,
): TemplateResult {
  const copyButton = html`<button type="button" class="button secondary" @click=${saveAsCopy}>Save these answers as a separate copy</button>`;
  switch (outcome.kind) {
    case 'saved':
      return html`
      <h2>Your form has been saved</h2>
      <p>We will keep it until ${longDate(outcome.draft.deleteAt, timeZone)}. Each time you save it, it is kept for another 30 days.</p>
      <p>To carry on later, sign in and choose <strong>Saved forms</strong> from the menu under your name.</p>`;
    case 'stale':
      return html`
      <h2>This form was saved somewhere else</h2>
      <p>It has been saved from another tab or window since you opened it here, so we have not saved over it.</p>
      ${copyButton}`;
    case 'gone':
      return html`
      <h2>The copy you saved has been deleted</h2>
      <p>It was deleted from Saved forms, perhaps in another tab or window, or kept past its 30 days.</p>
      ${copyButton}`;
    case 'signed-out':
      return html`
      <h2>Your form has not been saved</h2>
      <p>You have been signed out. Sign in again to save your answers.</p>`;
    case 'retired':
      return retiredMessage('Your form has not been saved', outcome.message, startCurrent);
    case 'failed':
      return notSaved(outcome.message);
  }
}
