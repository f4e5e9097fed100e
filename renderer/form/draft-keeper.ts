/**
 * The saved copy of one form (a draft on the server): saving it, first as a new draft and then
 * over the same one from the version last seen, and telling whether the answers on screen have
 * changed since. A refusal is turned into an outcome the form can word, never an exception.
 */
import type { Answers } from '../../engine/runtime.ts';
import { draftsApi, RequestRefused, type SavedDraft } from '../api-client.ts';

export type SaveOutcome =
  | { kind: 'saved'; draft: SavedDraft }
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

export class DraftKeeper {
  /** The draft this form is saved in; none until the first save. */
  draft?: SavedDraft;
  /** The answers and page at the last save (or opening), to tell whether anything changed since. */
  private savedState = JSON.stringify({ pageId: '', answers: {} });

  constructor(private readonly apiBase: () => string) {}

  /** Carries on from a saved draft: its answers are what is saved. */
  opened(draft: SavedDraft, answers: Answers): void {
    this.draft = draft;
    this.savedState = JSON.stringify({ pageId: draft.pageId, answers });
  }

  /** Whether the answers differ from the saved ones (or, before any save, whether there are any). */
  hasUnsavedChanges(answers: Answers): boolean {
    const { answers: saved } = JSON.parse(this.savedState) as { answers: Answers };
    return JSON.stringify(answers) !== JSON.stringify(saved);
  }

  /** Saves over this form's draft (or as a new one, the first time, or when asked for a separate copy). */
  async save(request: SaveRequest, options: { asNewCopy?: boolean } = {}): Promise<SaveOutcome> {
    try {
      const draft = this.draft && !options.asNewCopy
        ? await draftsApi.update(this.apiBase(), this.draft.id, { version: this.draft.version, pageId: request.pageId, answers: request.answers })
        : await draftsApi.create(this.apiBase(), request);
      this.draft = draft;
      this.savedState = JSON.stringify({ pageId: request.pageId, answers: request.answers });
      return { kind: 'saved', draft };
    } catch (error) {
      if (error instanceof RequestRefused && error.status === 409) return { kind: 'stale' };
      if (error instanceof RequestRefused && error.status === 401) return { kind: 'signed-out' };
      if (error instanceof RequestRefused) return { kind: 'failed', message: error.message };
      return { kind: 'failed', message: 'We could not reach the server: check your connection and try again.' };
    }
  }

  /** Forgets the draft (the form was cancelled or the person signed out); the saved copy stays on the server. */
  forget(): void {
    this.draft = undefined;
    this.savedState = JSON.stringify({ pageId: '', answers: {} });
  }
}
