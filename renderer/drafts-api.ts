/** Forms saved for later (/api/drafts), for the signed-in person. */
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

/** Forms saved for later (/api/drafts), for the signed-in person. */
export const draftsApi = {
  list: async (apiBase: string) => (await getJson<{ drafts: SavedDraft[] }>(resolve(apiBase, '/api/drafts'))).drafts,
  open: async (apiBase: string, id: string) => (await getJson<{ draft: SavedDraft & { answers: Answers } }>(resolve(apiBase, `/api/drafts/${encodeURIComponent(id)}`))).draft,
  create: async (apiBase: string, body: { formId: string; formVersion: number; pageId: string; answers: Answers }) => (await send<{ draft: SavedDraft }>(apiBase, '/api/drafts', body)).draft,
  update: async (apiBase: string, id: string, body: { version: number; pageId: string; answers: Answers }) => (await send<{ draft: SavedDraft }>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, body, 'PUT')).draft,
  remove: (apiBase: string, id: string) => send<void>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, undefined, 'DELETE'),
};
