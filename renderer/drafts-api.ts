/**
 * Forms saved for later (/api/drafts), for the signed-in person: listing, opening and deleting
 * them (the portal's part). Saving is in form/save-for-later.ts, the one part an embedded form needs.
 */
import type { Answers, SavedDraft } from '../engine/runtime.ts';
import { getJson, resolve, send } from './api-client.ts';

export const draftsApi = {
  list: async (apiBase: string) => (await getJson<{ drafts: SavedDraft[] }>(resolve(apiBase, '/api/drafts'))).drafts,
  open: async (apiBase: string, id: string) => (await getJson<{ draft: SavedDraft & { answers: Answers } }>(resolve(apiBase, `/api/drafts/${encodeURIComponent(id)}`))).draft,
  remove: (apiBase: string, id: string) => send<void>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, undefined, 'DELETE'),
};
