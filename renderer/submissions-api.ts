/** The signed-in person's submissions of the last 30 days (/api/submissions). Submitting is in form/submit-form.ts. */
import { getJson, resolve } from './api-client.ts';

/** A submission as the server confirms and lists it. */
export interface Submission {
  id: string;
  /** What the person quotes: "ASC-7K3F-9QX2". */
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  submittedAt: number;
}

export const submissionsApi = {
  listRecent: async (apiBase: string) => (await getJson<{ submissions: Submission[] }>(resolve(apiBase, '/api/submissions'))).submissions,
};
