/** The signed-in person's submissions of the last 30 days (/api/submissions), each opened again, and their answer to the council's question. Submitting is in form/submit-form.ts. */
import type { ReplyRequest, SubmissionList, SubmittedFormBody } from '../engine/runtime.ts';
import { getJson, resolve, send } from './api-client.ts';

export const submissionsApi = {
  listRecent: async (apiBase: string) =>
    (await getJson<SubmissionList>(resolve(apiBase, '/api/submissions'))).submissions,
  open: async (apiBase: string, id: string) =>
    (await getJson<SubmittedFormBody>(resolve(apiBase, `/api/submissions/${encodeURIComponent(id)}`))).submission,
  reply: (apiBase: string, id: string, text: string) =>
    send<unknown>(apiBase, `/api/submissions/${encodeURIComponent(id)}/replies`, { text } satisfies ReplyRequest),
};
