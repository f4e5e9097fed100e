/** The account part of the portal's API: apart, so that a page embedding one form downloads none of it. */
import type { AccountStatus, CodeSent, SessionTiming, SignedIn } from '../engine/runtime.ts';
import { RequestRefused, fromPage, getJson, resolve, send } from './api-client.ts';
import { PAGE_DATA } from './page-data.ts';

/** A GET about the signed-in person: null when nobody is signed in (401). */
async function whenSignedIn<T>(apiBase: string, path: string): Promise<T | null> {
  try {
    return await getJson<T>(resolve(apiBase, path));
  } catch (error) {
    if (error instanceof RequestRefused && error.status === 401) return null;
    throw error;
  }
}

/** The account API (POST /api/account/…). Every call that fails throws RequestRefused with what to fix. */
export const accountApi = {
  /** The signed-in person and their session's time left; null when nobody is signed in. */
  current: async (apiBase: string) => {
    // The first time, the portal's page has said already (page-data.ts).
    const account =
      fromPage<AccountStatus>(apiBase, PAGE_DATA.account) ??
      (await whenSignedIn<AccountStatus>(apiBase, '/api/account'));
    return account?.user ? { user: account.user, idleRemainingMs: account.idleRemainingMs } : null;
  },
  /** Time left without counting as activity; null once the session has ended. Network trouble throws. */
  sessionLeft: async (apiBase: string) =>
    (await whenSignedIn<SessionTiming>(apiBase, '/api/account/session'))?.idleRemainingMs ?? null,
  keepAlive: (apiBase: string) => send<SessionTiming>(apiBase, '/api/account/keep-alive'),
  register: (
    apiBase: string,
    body: { forename: string; surname: string; email: string; password: string; confirmPassword: string },
  ) => send<CodeSent>(apiBase, '/api/account/registrations', body),
  resendRegistrationCode: (apiBase: string) => send<CodeSent>(apiBase, '/api/account/registrations/code'),
  verifyRegistration: (apiBase: string, code: string) =>
    send<SignedIn>(apiBase, '/api/account/registrations/verify', { code }),
  signIn: (apiBase: string, body: { email: string; password: string }) =>
    send<CodeSent>(apiBase, '/api/account/sign-in', body),
  resendSignInCode: (apiBase: string) => send<CodeSent>(apiBase, '/api/account/sign-in/code'),
  verifySignIn: (apiBase: string, code: string) => send<SignedIn>(apiBase, '/api/account/sign-in/verify', { code }),
  requestReset: (apiBase: string, email: string) => send<CodeSent>(apiBase, '/api/account/password-reset', { email }),
  resendResetCode: (apiBase: string) => send<CodeSent>(apiBase, '/api/account/password-reset/code'),
  resetPassword: (apiBase: string, body: { code: string; password: string; confirmPassword: string }) =>
    send<void>(apiBase, '/api/account/password-reset/confirm', body),
  changePassword: (apiBase: string, body: { currentPassword: string; password: string; confirmPassword: string }) =>
    send<void>(apiBase, '/api/account/password', body),
  signOut: (apiBase: string) => send<void>(apiBase, '/api/account/sign-out'),
};

/** What the person is told when signing out did not reach the server: on a shared computer it matters. */
export const SIGN_OUT_FAILED = 'We could not sign you out: check your connection and try again.';

/**
 * Signs out; resolves false when the server could not be told (the session may still be open, and
 * the person must know: say SIGN_OUT_FAILED). Already signed out (401) counts as signed out.
 */
export async function signOut(apiBase: string): Promise<boolean> {
  try {
    await accountApi.signOut(apiBase);
    return true;
  } catch (error) {
    return error instanceof RequestRefused && error.status === 401;
  }
}
