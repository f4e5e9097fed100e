/** The signed-in person's submissions of the last 30 days (/api/submissions). Submitting is in form/submit-form.ts. */
import type { SubmissionList } from '../engine/runtime.ts';
import { getJson, resolve } from './api-client.ts';

export const submissionsApi = {
  listRecent: async (apiBase: string) =>
    (await getJson<SubmissionList>(resolve(apiBase, '/api/submissions'))).submissions,
};
