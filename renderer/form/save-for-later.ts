/** Saving a form for later, and what the form says afterwards. */
import { html, type TemplateResult } from 'lit';
import type { Answers } from '../../engine/runtime.ts';
import { RequestRefused, send } from '../api-client.ts';
import type { SavedDraft } from '../drafts-api.ts';
import { longDate } from '../shared/when.ts';

export type SaveOutcome =
  /** `replacedMissing`: the draft it was kept in had been deleted (elsewhere, or after 30 days), so it is a new one. */
  | { kind: 'saved'; draft: SavedDraft; replacedMissing?: boolean }
  /** Saved since from another tab or window: nothing was overwritten. */
  | { kind: 'stale' }
  /** The session has ended: sign in again to save. */
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string };

export interface SaveRequest {
  formId: string;
  formVersion: number;
  pageId: string;
  /** The answers as they will be kept (prepared: hidden ones dropped). */
  answers: Answers;
}

/**
 * Saves over `draft` from the version last seen, or as a new draft (the first time, or when a
 * separate copy is asked for). A refusal becomes an outcome to word, never an exception.
 */
const create = async (apiBase: string, request: SaveRequest) => (await send<{ draft: SavedDraft }>(apiBase, '/api/drafts', request)).draft;
const update = async (apiBase: string, draft: SavedDraft, request: SaveRequest) => (await send<{ draft: SavedDraft }>(
  apiBase, `/api/drafts/${encodeURIComponent(draft.id)}`, { version: draft.version, pageId: request.pageId, answers: request.answers }, 'PUT')).draft;

export async function saveDraft(apiBase: string, draft: SavedDraft | undefined, request: SaveRequest, asNewCopy = false): Promise<SaveOutcome> {
  try {
    if (!draft || asNewCopy) return { kind: 'saved', draft: await create(apiBase, request) };
    try {
      return { kind: 'saved', draft: await update(apiBase, draft, request) };
    } catch (error) {
      // Deleted since it was opened here: these answers are all there is, so they start a new draft.
      if (error instanceof RequestRefused && error.status === 404) return { kind: 'saved', draft: await create(apiBase, request), replacedMissing: true };
      throw error;
    }
  } catch (error) {
    if (!(error instanceof RequestRefused)) return { kind: 'failed', message: 'We could not reach the server: check your connection and try again.' };
    if (error.status === 409) return { kind: 'stale' };
    if (error.status === 401) return { kind: 'signed-out' };
    return { kind: 'failed', message: error.message };
  }
}


/** What the form says after a save; `saveAsCopy` is offered when another tab saved first. */
export function savedMessage(outcome: SaveOutcome, saveAsCopy: () => void): TemplateResult {
  switch (outcome.kind) {
    case 'saved': return html`
      <h2>Your form has been saved</h2>
      ${outcome.replacedMissing ? html`<p>The copy you saved before had been deleted, so these answers are now saved as a new one.</p>` : ''}
      <p>We will keep it until ${longDate(outcome.draft.deleteAt)}. Each time you save it, it is kept for another 30 days.</p>
      <p>To carry on later, sign in and choose <strong>Saved forms</strong> from the menu under your name.</p>`;
    case 'stale': return html`
      <h2>This form was saved somewhere else</h2>
      <p>It has been saved from another tab or window since you opened it here, so we have not saved over it.</p>
      <button type="button" class="button secondary" @click=${saveAsCopy}>Save these answers as a separate copy</button>`;
    case 'signed-out': return html`
      <h2>Your form has not been saved</h2>
      <p>You have been signed out. Sign in again to save your answers.</p>`;
    case 'failed': return html`
      <h2>Your form has not been saved</h2>
      <p>${outcome.message}</p>`;
  }
}
