/** The staff part of the portal's API (/api/staff/…): apart, so no referrer's page downloads it. */
import type { StaffNext, StaffSessionBody, StaffSignedInBody } from '../engine/runtime.ts';
import { RequestRefused, getJson, resolve, send } from './api-client.ts';

/** The staff API. Every call that fails throws RequestRefused with what to fix. */
export const staffApi = {
  /** The member signed in in this browser; null when nobody is (401), or a referrer is (403). */
  current: async (apiBase: string): Promise<StaffSessionBody | null> => {
    try {
      return await getJson<StaffSessionBody>(resolve(apiBase, '/api/staff/session'));
    } catch (error) {
      if (error instanceof RequestRefused && (error.status === 401 || error.status === 403)) return null;
      throw error;
    }
  },
  setUp: (apiBase: string, body: { email: string; setupCode: string; password: string; confirmPassword: string }) =>
    send<StaffNext>(apiBase, '/api/staff/set-up', body),
  signIn: (apiBase: string, body: { email: string; password: string }) =>
    send<StaffNext>(apiBase, '/api/staff/sign-in', body),
  enrol: (apiBase: string, code: string) => send<StaffSignedInBody>(apiBase, '/api/staff/sign-in/enrol', { code }),
  code: (apiBase: string, code: string) => send<StaffSignedInBody>(apiBase, '/api/staff/sign-in/code', { code }),
  signOut: (apiBase: string) => send<void>(apiBase, '/api/staff/sign-out'),
};
