/**
 * What a referrer can do with an account, one file a use case: registering (registration.ts),
 * signing in and out (sign-in.ts), resetting and changing the password (passwords.ts). They share
 * the codes sent by email (codes.ts) and the flows, limits and checks in shared.ts. Unknown and
 * known email addresses get the same answers, so the portal never tells who has an account.
 */
import { createRegistration } from './registration.ts';
import { createSignIn } from './sign-in.ts';
import { createPasswords } from './passwords.ts';
import type { AccountDeps } from './shared.ts';

export { createCodeService, type CodeService } from './codes.ts';
export type { AccountDeps, PendingFlow, RequestContext } from './shared.ts';

/** Every account use case, over one set of dependencies. */
export function createAccountService(deps: AccountDeps) {
  return { ...createRegistration(deps), ...createSignIn(deps), ...createPasswords(deps) };
}

export type AccountService = ReturnType<typeof createAccountService>;
