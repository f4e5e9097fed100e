/**
 * Forms saved for later (/api/drafts), for the signed-in person: listing, opening and deleting
 * them (the portal's part). Saving is in form/save-for-later.ts, the one part an embedded form needs.
 */
import type { Answers } from '../engine/runtime.ts';
import { getJson, resolve, send } from './api-client.ts';

/** A form saved for later, as the server lists it. */
export interface SavedDraft {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  pageId: string;
  pageTitle: string;
  progress: number;
  /** Counts saves: the next save names it, so a save from a stale tab is refused (409). */
  version: number;
  savedAt: number;
  deleteAt: number;
}

export const draftsApi = {
  list: async (apiBase: string) => (await getJson<{ drafts: SavedDraft[] }>(resolve(apiBase, '/api/drafts'))).drafts,
  open: async (apiBase: string, id: string) => (await getJson<{ draft: SavedDraft & { answers: Answers } }>(resolve(apiBase, `/api/drafts/${encodeURIComponent(id)}`))).draft,
  remove: (apiBase: string, id: string) => send<void>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, undefined, 'DELETE'),
};
