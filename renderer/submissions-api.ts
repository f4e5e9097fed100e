/** The signed-in person's submissions of the last 30 days (/api/submissions), and each opened again. Submitting is in form/submit-form.ts. */
import type { SubmissionList, SubmittedFormBody } from '../engine/runtime.ts';
import { getJson, resolve } from './api-client.ts';

export const submissionsApi = {
  listRecent: async (apiBase: string) =>
    (await getJson<SubmissionList>(resolve(apiBase, '/api/submissions'))).submissions,
  open: async (apiBase: string, id: string) =>
    (await getJson<SubmittedFormBody>(resolve(apiBase, `/api/submissions/${encodeURIComponent(id)}`))).submission,
};
