/**
 * Forms saved for later (/api/drafts), for the signed-in person: listing, opening and deleting
 * them (the portal's part). Saving is in form/save-for-later.ts, the one part an embedded form needs.
 */
import type { DraftBody, DraftList, OpenedDraft } from '../engine/runtime.ts';
import { getJson, resolve, send } from './api-client.ts';

export const draftsApi = {
  list: async (apiBase: string) => (await getJson<DraftList>(resolve(apiBase, '/api/drafts'))).drafts,
  open: async (apiBase: string, id: string) =>
    (await getJson<DraftBody<OpenedDraft>>(resolve(apiBase, `/api/drafts/${encodeURIComponent(id)}`))).draft,
  remove: (apiBase: string, id: string) =>
    send<void>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, undefined, 'DELETE'),
};
