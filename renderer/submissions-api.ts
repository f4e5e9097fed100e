/** The signed-in person's submissions of the last 30 days (/api/submissions). Submitting is in form/submit-form.ts. */
import { getJson, resolve } from './api-client.ts';
import type { Submission } from './form/submit-form.ts';

export const submissionsApi = {
  listRecent: async (apiBase: string) => (await getJson<{ submissions: Submission[] }>(resolve(apiBase, '/api/submissions'))).submissions,
};
